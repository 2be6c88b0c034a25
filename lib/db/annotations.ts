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

/** Every annotation, newest first. */
export function listAll(db: GlossDatabase): Promise<Annotation[]> {
  return db.annotations.orderBy('created').reverse().toArray();
}

export function getAnnotation(db: GlossDatabase, id: string): Promise<Annotation | undefined> {
  return db.annotations.get(id);
}

export async function createAnnotation(db: GlossDatabase, annotation: Annotation): Promise<Annotation> {
  await db.annotations.add(annotation);
  return annotation;
}

/** Applies a reader's edit; returns the new record, or undefined when it no longer exists. */
export async function updateAnnotation(
  db: GlossDatabase,
  id: string,
  changes: AnnotationChanges,
  now = new Date(),
): Promise<Annotation | undefined> {
  return db.transaction('rw', db.annotations, async () => {
    const current = await db.annotations.get(id);
    if (!current) return undefined;
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

/** Puts a deleted annotation back exactly as it was (undo). */
export async function restoreAnnotation(db: GlossDatabase, annotation: Annotation): Promise<void> {
  await db.annotations.put(annotation);
}
