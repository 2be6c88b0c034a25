/**
 * Changes the reader makes from the extension pages, to one annotation or to thousands at
 * once, each recorded so that it can be undone. A change and its undo rows are written in
 * one transaction: there is never a change that cannot be undone, nor an undo row for a
 * change that did not happen.
 */
import type { Annotation, AnnotationChanges, HighlightColor } from '../types';
import { sameContent } from './annotations';
import type { GlossDatabase, UndoRow } from './database';

export type Edit =
  | { kind: 'delete' }
  | { kind: 'color'; color: HighlightColor }
  | { kind: 'addTags'; tags: string[] }
  | { kind: 'removeTags'; tags: string[] }
  /** Replaces tag `from` with `to` (merging when `to` is already there). */
  | { kind: 'renameTag'; from: string; to: string }
  | { kind: 'update'; changes: Omit<AnnotationChanges, 'target'>; expectedNote?: string };

export interface ChangeOutcome {
  /** How many records the change altered (ids that were gone or already so are not counted). */
  changed: number;
  /** Names the undo rows; undefined when nothing changed. */
  batch?: string;
  pageKeys: string[];
}

export interface RevertOutcome {
  reverted: number;
  /** Records changed again since (elsewhere): left as they are now. */
  skipped: number;
  pageKeys: string[];
}

export interface ChangeOptions {
  /** Sees each record about to change, inside the transaction; a throw refuses the whole change. */
  guard?: (current: Annotation) => void;
  now?: Date;
  batch?: string;
  chunkSize?: number;
}

/** Undo rows older than this are dropped: undo is for what was just done. */
const UNDO_LIFETIME_MS = 24 * 60 * 60 * 1000;
const DEFAULT_CHUNK = 1000;

const withTags = (tags: readonly string[], add: readonly string[], remove: readonly string[]) => {
  const gone = new Set(remove);
  const next = tags.filter((t) => !gone.has(t));
  for (const tag of add) if (!next.includes(tag)) next.push(tag);
  return next;
};

/** The record after `edit`, or null when it is deleted, or `current` itself when nothing changes. */
export function applyEdit(current: Annotation, edit: Edit, modified: string): Annotation | null {
  const next = (changes: Partial<Annotation>): Annotation => {
    const candidate = { ...current, ...changes };
    return sameContent(candidate, current) ? current : { ...candidate, modified };
  };
  switch (edit.kind) {
    case 'delete':
      return null;
    case 'color':
      return next({ color: edit.color });
    case 'addTags':
      return next({ tags: withTags(current.tags, edit.tags, []) });
    case 'removeTags':
      return next({ tags: withTags(current.tags, [], edit.tags) });
    case 'renameTag':
      if (!current.tags.includes(edit.from)) return current;
      return next({ tags: withTags(current.tags, [edit.to], [edit.from]) });
    case 'update':
      return next(edit.changes);
  }
}

/** The ids an edit can touch: for a rename, every annotation carrying the old tag. */
export async function idsForTag(db: GlossDatabase, tag: string): Promise<string[]> {
  return db.annotations.where('tags').equals(tag).primaryKeys();
}

export async function changeAnnotations(
  db: GlossDatabase,
  ids: readonly string[],
  edit: Edit,
  options: ChangeOptions = {},
): Promise<ChangeOutcome> {
  const now = options.now ?? new Date();
  const created = now.toISOString();
  const batch = options.batch ?? crypto.randomUUID();
  const chunkSize = Math.max(1, options.chunkSize ?? DEFAULT_CHUNK);
  const unique = [...new Set(ids)];
  const pageKeys = new Set<string>();
  let changed = 0;
  await db.transaction('rw', db.annotations, db.undo, async () => {
    await db.undo
      .where('created')
      .below(new Date(now.getTime() - UNDO_LIFETIME_MS).toISOString())
      .delete();
    for (let start = 0; start < unique.length; start += chunkSize) {
      const chunk = unique.slice(start, start + chunkSize);
      const stored = await db.annotations.bulkGet(chunk);
      const puts: Annotation[] = [];
      const deletes: string[] = [];
      const rows: UndoRow[] = [];
      stored.forEach((current) => {
        if (!current) return;
        options.guard?.(current);
        const after = applyEdit(current, edit, created);
        if (after === current) return;
        if (after) puts.push(after);
        else deletes.push(current.id);
        rows.push({ batch, id: current.id, before: current, after, created });
        pageKeys.add(current.pageKey);
      });
      if (puts.length) await db.annotations.bulkPut(puts);
      if (deletes.length) await db.annotations.bulkDelete(deletes);
      if (rows.length) await db.undo.bulkAdd(rows);
      changed += rows.length;
    }
  });
  return { changed, batch: changed ? batch : undefined, pageKeys: [...pageKeys] };
}

/**
 * Puts back what `batch` changed, record by record, where the record is still as the change
 * left it; one edited again since keeps the newer edit.
 */
export async function revertChange(db: GlossDatabase, batch: string): Promise<RevertOutcome> {
  const outcome: RevertOutcome = { reverted: 0, skipped: 0, pageKeys: [] };
  const pageKeys = new Set<string>();
  await db.transaction('rw', db.annotations, db.undo, async () => {
    const rows = await db.undo.where('batch').equals(batch).toArray();
    for (let start = 0; start < rows.length; start += DEFAULT_CHUNK) {
      const chunk = rows.slice(start, start + DEFAULT_CHUNK);
      const stored = await db.annotations.bulkGet(chunk.map((r) => r.id));
      const puts: Annotation[] = [];
      const deletes: string[] = [];
      chunk.forEach((row, index) => {
        if (!sameContent(stored[index] ?? null, row.after)) {
          outcome.skipped++;
          return;
        }
        if (row.before) puts.push(row.before);
        else deletes.push(row.id);
        for (const record of [row.before, row.after]) if (record) pageKeys.add(record.pageKey);
        outcome.reverted++;
      });
      if (puts.length) await db.annotations.bulkPut(puts);
      if (deletes.length) await db.annotations.bulkDelete(deletes);
    }
    await db.undo.where('batch').equals(batch).delete();
  });
  return { ...outcome, pageKeys: [...pageKeys] };
}

/** Every tag in use, in order, with how many annotations carry it. */
export async function tagCounts(db: GlossDatabase): Promise<{ tag: string; count: number }[]> {
  const counts = new Map<string, number>();
  await db.annotations.orderBy('tags').eachKey((key) => {
    const tag = String(key);
    counts.set(tag, (counts.get(tag) ?? 0) + 1);
  });
  return [...counts].map(([tag, count]) => ({ tag, count }));
}
