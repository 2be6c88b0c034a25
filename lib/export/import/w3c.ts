/**
 * Reads one W3C Web Annotation into a Gloss record. Gloss's own export comes back exactly as
 * it left (ids, colour and page title ride in `gloss:` properties); other tools' annotations
 * keep their IRIs as ids, so importing the same file twice changes nothing the second time.
 */
import * as v from 'valibot';
import { isAnnotatablePage } from '../../page-key';
import type { Annotation, AnnotationTarget } from '../../types';
import { fromIri } from '../iri';
import { formatIssue } from './issues';
import type { EntryOutcome, ImportContext } from './outcome';
import { W3cAnnotation, type W3cAnnotationOutput } from './schemas';
import { targetFromSelectors } from './selectors';

/** Comments (any purpose but tagging) join into the note; tagging bodies become tags. */
function readBodies(entry: W3cAnnotationOutput): { note: string; tags: string[] } {
  const notes: string[] = [];
  const tags: string[] = [];
  if (entry.bodyValue !== undefined) notes.push(entry.bodyValue);
  for (const body of entry.body ?? []) {
    if (typeof body === 'string') notes.push(body);
    else if (body.value !== undefined) {
      if (body.purpose?.includes('tagging')) {
        if (body.value.trim() !== '') tags.push(body.value);
      } else notes.push(body.value);
    }
  }
  return { note: notes.join('\n\n'), tags };
}

export function fromW3c(raw: unknown, context: ImportContext): EntryOutcome {
  const parsed = v.safeParse(W3cAnnotation, raw, { abortEarly: true });
  if (!parsed.success) return { kind: 'invalid', message: formatIssue(parsed.issues[0]) };
  const entry = parsed.output;

  // Gloss anchors one passage; the first target that names one is used.
  let found: { source: string | undefined; target: AnnotationTarget } | undefined;
  for (const target of entry.target) {
    if (typeof target === 'string') continue;
    const selected = targetFromSelectors(target.selector ?? []);
    if (selected) {
      found = { source: target.source, target: selected };
      break;
    }
  }
  if (!found) {
    return { kind: 'skip', reason: 'it has no text quote selector, so there is no passage to highlight' };
  }
  if (found.source === undefined) return { kind: 'invalid', message: 'target.source is missing' };
  if (found.target.quote.exact.trim() === '') return { kind: 'skip', reason: 'its quoted passage is empty' };

  const url = entry['gloss:url'] ?? found.source;
  if (!isAnnotatablePage(url)) return { kind: 'skip', reason: `${url} is not a web page Gloss can open` };
  const { note, tags } = readBodies(entry);
  const created = entry.created ?? entry.modified ?? context.now;
  const annotation: Annotation = {
    id: fromIri(entry.id),
    pageKey: context.pageKeyOf(url),
    url,
    title: entry['gloss:pageTitle'] ?? '',
    target: found.target,
    note,
    tags,
    color: entry['gloss:color'] ?? 'yellow',
    created,
    modified: entry.modified ?? created,
  };
  return { kind: 'ok', annotation };
}
