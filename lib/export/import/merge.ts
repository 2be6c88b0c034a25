/**
 * How an imported record meets the one already stored under its id. The newer `modified`
 * wins, and an import that brings nothing newer writes nothing, which is what makes
 * importing the same file twice harmless.
 */
import type { Annotation } from '../../types';

function time(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
}

/** The record to store, or null when the stored one is as new or newer (ties keep what is there). */
export function mergeForImport(existing: Annotation | undefined, incoming: Annotation): Annotation | null {
  if (!existing) return incoming;
  return time(incoming.modified) > time(existing.modified) ? incoming : null;
}
