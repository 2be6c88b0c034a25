/**
 * The sync journal: the id of every annotation written or deleted, recorded in the same
 * IndexedDB transaction as the write itself. Writes come from several contexts (the
 * background, and the library or side panel when they import), and the background's worker
 * may be asleep when they happen; a journal row committed with the write is the one record
 * of "this changed" that no sleeping or killed worker can miss.
 *
 * It is a Dexie DBCore middleware, so every write path (put, add, bulk, delete, clear) is
 * covered without each caller remembering to. A row is keyed by the annotation's id, so the
 * journal never holds more rows than there are annotations; its token changes on every write,
 * which lets the sync engine clear only the rows it has handled (lib/sync).
 */
import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';

export interface SyncJournalRow {
  id: string;
  token: string;
}

export const JOURNAL_TABLE = 'syncJournal';
const WATCHED_TABLE = 'annotations';

/**
 * Whether this context journals. Until it knows sync is off it does (a missed row would be a
 * change never sent); once told sync is off it stops, so a reader who never syncs does not
 * pay for it (an import of 50,000 writes 50,000 fewer rows). Turning sync on journals every
 * annotation anyway (lib/sync/service.ts), so nothing written while it was off is missed.
 */
let journaling: 'unknown' | 'on' | 'off' = 'unknown';

export function setSyncJournal(on: boolean): void {
  journaling = on ? 'on' : 'off';
}

const contextPrefix = Math.random().toString(36).slice(2, 8);
let counter = 0;

function nextToken(): string {
  counter += 1;
  return `${contextPrefix}-${Date.now().toString(36)}-${counter.toString(36)}`;
}

export const syncJournalMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'gloss-sync-journal',
  create(down) {
    // Absent while an older database is being upgraded: the stack is built then too.
    const hasJournal = down.schema.tables.some((table) => table.name === JOURNAL_TABLE);
    if (!hasJournal) return down;
    return {
      ...down,
      transaction(stores, mode, options) {
        // The journal joins every write transaction on annotations, so its rows commit or fail with the write.
        const widened =
          mode === 'readwrite' && stores.includes(WATCHED_TABLE) && !stores.includes(JOURNAL_TABLE)
            ? [...stores, JOURNAL_TABLE]
            : stores;
        return down.transaction(widened, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name !== WATCHED_TABLE) return table;
        const journal = down.table(JOURNAL_TABLE);
        return {
          ...table,
          // Promise chains, not async/await: Dexie follows its transaction through its own
          // promises, and a native await in a middleware loses it.
          mutate(request: DBCoreMutateRequest) {
            if (journaling === 'off') return table.mutate(request);
            if (request.type === 'deleteRange') {
              return table
                .query({
                  trans: request.trans,
                  values: false,
                  query: { index: table.schema.primaryKey, range: request.range },
                })
                .then((found) => {
                  const ids = onlyStrings(found.result);
                  return table.mutate(request).then((result) => journalThen(result, ids));
                });
            }
            const ids = writtenKeys(request);
            return table.mutate(request).then((result) => journalThen(result, ids));

            function journalThen<T>(result: T, ids: string[]): T | Promise<T> {
              if (ids.length === 0) return result;
              const values: SyncJournalRow[] = ids.map((id) => ({ id, token: nextToken() }));
              return journal.mutate({ type: 'put', trans: request.trans, values }).then(() => result);
            }
          },
        } satisfies DBCoreTable;
      },
    };
  },
};

function writtenKeys(request: Exclude<DBCoreMutateRequest, { type: 'deleteRange' }>): string[] {
  if (request.type === 'delete') return onlyStrings(request.keys);
  return onlyStrings(request.keys ?? request.values.map((value) => (value as { id?: unknown }).id));
}

function onlyStrings(keys: readonly unknown[]): string[] {
  return keys.filter((key): key is string => typeof key === 'string');
}
