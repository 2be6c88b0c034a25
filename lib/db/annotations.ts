/**
 * Queries and writes on annotations. Every function takes the database so that tests hand
 * in their own; nothing here touches the DOM or browser messaging.
 */
import type { Annotation, AnnotationChanges } from '../types';
import type { GlossDatabase } from './database';

export function listPage(db: GlossDatabase, pageKey: string): Promise<Annotation[]> {
  return db.annotations.where('pageKey').equals(pageKey).toArray();
}

export function countPage(db: GlossDatabase, pageKey: string): Promise<number> {
  return db.annotations.where('pageKey').equals(pageKey).count();
}

/**
 * Every annotation, newest first, in the order of the `created` index read backwards
 * (equal dates by id, last first). Read with one `getAll` of the table and sorted here:
 * Dexie reads an index backwards only with a cursor, one step per record. At 100,000
 * records in Chromium the cursor took about twice as long as this (3.6 s against 1.8 s),
 * and the library showed its first item 0.6 s later (bench/scale-chromium.mjs).
 */
export async function listAll(db: GlossDatabase): Promise<Annotation[]> {
  const all = await db.annotations.toArray();
  return all.sort(newestFirst);
}

function newestFirst(a: Annotation, b: Annotation): number {
  if (a.created !== b.created) return a.created < b.created ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

export function getAnnotation(db: GlossDatabase, id: string): Promise<Annotation | undefined> {
  return db.annotations.get(id);
}

/** Whether two stored values hold the same data, whatever the key order (an absent key equals `undefined`). */
export function sameContent(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = (o: Record<string, unknown>) => Object.keys(o).filter((key) => o[key] !== undefined);
  const shared = keys(left);
  return (
    shared.length === keys(right).length &&
    shared.every((key) => Object.hasOwn(right, key) && sameContent(left[key], right[key]))
  );
}

/**
 * Adds a new annotation. A retry of the same request (its answer was lost) finds its own
 * record and gets it back; a different record under a taken id is refused, never merged.
 */
export async function createAnnotation(db: GlossDatabase, annotation: Annotation): Promise<Annotation> {
  return db.transaction('rw', db.annotations, async () => {
    const stored = await db.annotations.get(annotation.id);
    if (stored) {
      if (sameContent(stored, annotation)) return stored;
      throw new Error('Not allowed: another annotation already has this id.');
    }
    await db.annotations.add(annotation);
    return annotation;
  });
}

/** Applies a reader's edit; returns the new record, or undefined when it no longer exists. */
export async function updateAnnotation(
  db: GlossDatabase,
  id: string,
  changes: AnnotationChanges,
  /** Runs on the record about to change, in the same transaction; a throw refuses the edit. */
  guard?: (current: Annotation) => void,
  now = new Date(),
): Promise<Annotation | undefined> {
  return db.transaction('rw', db.annotations, async () => {
    const current = await db.annotations.get(id);
    if (!current) return undefined;
    guard?.(current);
    const next: Annotation = { ...current, ...changes, modified: now.toISOString() };
    await db.annotations.put(next);
    return next;
  });
}

export async function deleteAnnotation(db: GlossDatabase, id: string): Promise<Annotation | undefined> {
  return db.transaction('rw', db.annotations, async () => {
    const current = await db.annotations.get(id);
    if (current) await db.annotations.delete(id);
    return current;
  });
}

/**
 * Puts a deleted annotation back exactly as it was (undo). `guard` sees the record stored
 * under that id, if any, in the same transaction as the write: a throw refuses the write.
 */
export async function restoreAnnotation(
  db: GlossDatabase,
  annotation: Annotation,
  guard?: (stored: Annotation | undefined) => void,
): Promise<void> {
  await db.transaction('rw', db.annotations, async () => {
    guard?.(await db.annotations.get(annotation.id));
    await db.annotations.put(annotation);
  });
}
