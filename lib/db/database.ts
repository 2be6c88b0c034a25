/**
 * The one database, opened only in the extension's own origin (background and extension
 * pages). A content script opening it would create a copy in the page's origin, where the
 * page could read every note. Schema versions are append-only: never edit one that shipped.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { Annotation } from '../types';
import { JOURNAL_TABLE, type SyncJournalRow, syncJournalMiddleware } from './sync-journal';

/** How an annotation was found the last time its page was open; kept apart from the record so that it never changes `modified`. */
export interface AnchorState {
  id: string;
  pageKey: string;
  kind: 'exact' | 'fuzzy' | 'orphan';
  checked: string;
}

/**
 * One record's state before and after a change the reader may undo. Kept in the database,
 * not in the page that asked, so that undoing a bulk delete of 50,000 annotations does not
 * need 50,000 records carried back and forth in messages.
 */
export interface UndoRow {
  seq?: number;
  batch: string;
  id: string;
  before: Annotation | null;
  after: Annotation | null;
  created: string;
}

export const DATABASE_NAME = 'gloss';

export class GlossDatabase extends Dexie {
  annotations!: EntityTable<Annotation, 'id'>;
  anchorStates!: EntityTable<AnchorState, 'id'>;
  undo!: EntityTable<UndoRow, 'seq'>;
  syncJournal!: EntityTable<SyncJournalRow, 'id'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    this.version(1).stores({
      annotations: 'id, pageKey, created, modified, *tags',
    });
    // v2: the library can list passages that were not found on their page (orphans).
    this.version(2).stores({ anchorStates: 'id, pageKey, kind' });
    // v3: undo of bulk changes (lib/db/changes.ts).
    this.version(3).stores({ undo: '++seq, batch, created' });
    // v4: which annotations changed since sync last looked (lib/db/sync-journal.ts).
    this.version(4).stores({ [JOURNAL_TABLE]: 'id' });
    this.use(syncJournalMiddleware);
  }
}

let shared: GlossDatabase | undefined;

/** The database of this extension context, opened on first use. */
export function getDatabase(): GlossDatabase {
  shared ??= new GlossDatabase();
  return shared;
}
