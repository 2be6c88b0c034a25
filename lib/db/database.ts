/**
 * The one database, opened only in the extension's own origin (background and extension
 * pages). A content script opening it would create a copy in the page's origin, where the
 * page could read every note. Schema versions are append-only: never edit one that shipped.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { Annotation } from '../types';

export const DATABASE_NAME = 'gloss';

export class GlossDatabase extends Dexie {
  annotations!: EntityTable<Annotation, 'id'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    this.version(1).stores({
      annotations: 'id, pageKey, created, modified, *tags',
    });
  }
}

let shared: GlossDatabase | undefined;

/** The database of this extension context, opened on first use. */
export function getDatabase(): GlossDatabase {
  shared ??= new GlossDatabase();
  return shared;
}
