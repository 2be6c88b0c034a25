/**
 * parseImport: from the text of a file to Gloss records, or one clear reason why not. The
 * file is all or nothing: an unknown format or a damaged entry fails the whole import (named
 * by its position and id) so nothing half-imports. `skipped` lists only sound annotations
 * that Gloss cannot anchor (page notes, replies, whole-page targets, PDFs).
 */
import * as v from 'valibot';
import { AnnotationSchema } from '../../messaging/schema';
import type { Annotation } from '../../types';
import { fromHypothesis } from './hypothesis';
import { formatIssue } from './issues';
import { mergeForImport } from './merge';
import { createContext, type EntryOutcome, type ImportContext } from './outcome';
import { LooksHypothesis, LooksW3c, typed } from './schemas';
import { fromW3c } from './w3c';

export type ImportResult =
  | { ok: true; annotations: Annotation[]; skipped: { index: number; reason: string }[] }
  | { ok: false; error: string };

export interface ImportOptions {
  /** Stands in for creation dates a foreign file leaves out; defaults to now. */
  now?: Date;
}

const SUPPORTED = 'Gloss can import its own JSON export, W3C Web Annotations and Hypothesis JSON.';

const Page = v.looseObject({
  type: typed('AnnotationPage'),
  items: v.array(v.unknown()),
  next: v.optional(v.unknown()),
});
const Collection = v.looseObject({ type: typed('AnnotationCollection'), first: v.optional(v.unknown()) });
const HypothesisSearch = v.looseObject({ rows: v.array(v.unknown()) });
const HypothesisExport = v.looseObject({ annotations: v.array(v.unknown()) });

const fail = (error: string): ImportResult => ({ ok: false, error });

function readJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: 'The file is empty.' };
  try {
    return { ok: true, value: JSON.parse(trimmed) };
  } catch (error) {
    if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) {
      return { ok: false, error: `This file is not JSON (it may be CSV, Markdown or HTML). ${SUPPORTED}` };
    }
    const detail = error instanceof Error ? ` (${error.message})` : '';
    return { ok: false, error: `The file is not valid JSON; it may be cut short or damaged${detail}.` };
  }
}

/** The list of entries a file holds, whatever container it puts them in. */
function entriesOf(value: unknown): { ok: true; entries: unknown[] } | { ok: false; error: string } {
  if (Array.isArray(value)) return { ok: true, entries: value };
  const collection = v.safeParse(Collection, value);
  if (collection.success) {
    if (collection.output.first === undefined) return { ok: true, entries: [] };
    if (typeof collection.output.first === 'string') {
      return {
        ok: false,
        error: 'This collection only links to its pages of annotations; the file does not contain them.',
      };
    }
    return entriesOf(collection.output.first);
  }
  const page = v.safeParse(Page, value);
  if (page.success) {
    if (page.output.next !== undefined) {
      return {
        ok: false,
        error: 'This is one page of a larger collection; the rest of its annotations are not in the file.',
      };
    }
    return { ok: true, entries: page.output.items };
  }
  if (v.is(LooksW3c, value) || v.is(LooksHypothesis, value)) return { ok: true, entries: [value] };
  const search = v.safeParse(HypothesisSearch, value);
  if (search.success) return { ok: true, entries: search.output.rows };
  const exported = v.safeParse(HypothesisExport, value);
  if (exported.success) return { ok: true, entries: exported.output.annotations };
  return { ok: false, error: `This JSON file does not contain annotations. ${SUPPORTED}` };
}

function readEntry(entry: unknown, context: ImportContext): EntryOutcome {
  if (v.is(LooksW3c, entry)) return fromW3c(entry, context);
  if (v.is(LooksHypothesis, entry)) return fromHypothesis(entry, context);
  return { kind: 'invalid', message: 'it is neither a W3C Web Annotation nor a Hypothesis annotation' };
}

function entryName(entry: unknown, index: number, total: number): string {
  const id =
    entry && typeof entry === 'object' && 'id' in entry && typeof entry.id === 'string' ? entry.id : '';
  return `Entry ${index + 1} of ${total}${id ? ` (id ${JSON.stringify(id)})` : ''}`;
}

export function parseImport(text: string, options: ImportOptions = {}): ImportResult {
  const json = readJson(text);
  if (!json.ok) return fail(json.error);
  const list = entriesOf(json.value);
  if (!list.ok) return fail(list.error);
  const context = createContext(options.now ?? new Date());
  const byId = new Map<string, Annotation>();
  const skipped: { index: number; reason: string }[] = [];
  const { entries } = list;
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index];
    const outcome = readEntry(entry, context);
    if (outcome.kind === 'invalid') {
      return fail(
        `${entryName(entry, index, entries.length)} is not a valid annotation: ${outcome.message}. Nothing was imported.`,
      );
    }
    if (outcome.kind === 'skip') {
      skipped.push({
        index,
        reason: `${entryName(entry, index, entries.length)} was skipped: ${outcome.reason}.`,
      });
      continue;
    }
    // Checked against the same rules as every stored record, so the database will accept it.
    const stored = v.safeParse(AnnotationSchema, outcome.annotation, { abortEarly: true });
    if (!stored.success) {
      return fail(
        `${entryName(entry, index, entries.length)} cannot be stored: ${formatIssue(stored.issues[0])}. Nothing was imported.`,
      );
    }
    // A file that lists one annotation twice keeps the newer copy, and the report says so.
    const previous = byId.get(outcome.annotation.id);
    if (previous)
      skipped.push({
        index,
        reason: `${entryName(entry, index, entries.length)} was skipped: it repeats an id already in this file (the newer copy is kept).`,
      });
    const merged = mergeForImport(previous, outcome.annotation);
    if (merged) byId.set(merged.id, merged);
  }
  return { ok: true, annotations: [...byId.values()], skipped };
}
