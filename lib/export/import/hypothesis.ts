/**
 * Reads one annotation from the Hypothesis API (or its client's export) into a Gloss record.
 * Hypothesis ids become `hypothesis:<id>`, so importing the same export twice is a no-op;
 * replies and page notes have no passage on the page and are skipped, not failed.
 */
import * as v from 'valibot';
import { isAnnotatablePage } from '../../page-key';
import type { Annotation } from '../../types';
import { hypothesisId } from '../iri';
import { formatIssue } from './issues';
import type { EntryOutcome, ImportContext } from './outcome';
import { HypothesisAnnotation } from './schemas';
import { targetFromSelectors } from './selectors';

/** Matches the limit records are checked against when stored; a title is not worth failing over. */
const MAX_TITLE = 2000;

export function fromHypothesis(raw: unknown, context: ImportContext): EntryOutcome {
  const parsed = v.safeParse(HypothesisAnnotation, raw, { abortEarly: true });
  if (!parsed.success) return { kind: 'invalid', message: formatIssue(parsed.issues[0]) };
  const entry = parsed.output;

  if (entry.references && entry.references.length > 0) {
    return { kind: 'skip', reason: 'it is a reply to another annotation' };
  }
  const first = entry.target[0];
  const target = first ? targetFromSelectors(first.selector ?? []) : undefined;
  if (!target) return { kind: 'skip', reason: 'it is a page note, with no highlighted passage' };
  if (target.quote.exact.trim() === '') return { kind: 'skip', reason: 'its quoted passage is empty' };

  const url = first?.source ?? entry.uri;
  if (!isAnnotatablePage(url)) return { kind: 'skip', reason: `${url} is not a web page Gloss can open` };
  const tags = entry.tags.map((tag) => tag.trim()).filter((tag) => tag !== '');
  const annotation: Annotation = {
    id: hypothesisId(entry.id),
    pageKey: context.pageKeyOf(url),
    url,
    title: (entry.document?.title?.[0] ?? '').trim().slice(0, MAX_TITLE),
    target,
    note: entry.text,
    tags,
    color: 'yellow',
    created: entry.created,
    modified: entry.updated,
  };
  return { kind: 'ok', annotation };
}
