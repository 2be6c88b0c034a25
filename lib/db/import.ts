/**
 * Writes an import into the database: all of it or none of it. Every record is merged with
 * the one stored under its id (the newer `modified` wins, see mergeForImport) and the whole
 * file goes in through ONE read-write transaction, so a failure half-way (a full disk, the
 * page closed) rolls everything back.
 *
 * The work is cut into chunks of bulkGet + bulkPut inside that transaction. Each chunk waits
 * on IndexedDB, and while it does the page's event loop runs, so the progress callback's
 * updates are painted and the page stays responsive. Only Dexie promises are awaited here:
 * any other await (a timer, a message) would let IndexedDB commit the transaction early.
 */
import { mergeForImport } from '../export/import/merge';
import type { Annotation } from '../types';
import type { GlossDatabase } from './database';

export interface ImportCounts {
  added: number;
  updated: number;
  unchanged: number;
  /** Pages whose annotations were added or changed: the tabs showing them should redraw. */
  pageKeys: string[];
}

export interface ImportWriteOptions {
  /** Records read and written per step; small enough to keep each step short. */
  chunkSize?: number;
}

export type ImportProgress = (done: number, total: number) => void;

const DEFAULT_CHUNK = 1000;

export async function importAnnotations(
  db: GlossDatabase,
  list: readonly Annotation[],
  onProgress?: ImportProgress,
  options: ImportWriteOptions = {},
): Promise<ImportCounts> {
  const chunkSize = Math.max(1, options.chunkSize ?? DEFAULT_CHUNK);
  const counts = { added: 0, updated: 0, unchanged: 0 };
  const pageKeys = new Set<string>();
  onProgress?.(0, list.length);
  await db.transaction('rw', db.annotations, async () => {
    // The stored ids first, keys only: records are read back only where one is stored, so a
    // first import of 50,000 reads nothing but writes (a read per record cost about a second).
    const taken = new Set(await db.annotations.toCollection().primaryKeys());
    for (let start = 0; start < list.length; start += chunkSize) {
      const chunk = list.slice(start, start + chunkSize);
      const present = chunk.filter((a) => taken.has(a.id));
      const found = present.length ? await db.annotations.bulkGet(present.map((a) => a.id)) : [];
      const byId = new Map(found.flatMap((a) => (a ? [[a.id, a] as const] : [])));
      const stored = chunk.map((a) => byId.get(a.id));
      const writes: Annotation[] = [];
      chunk.forEach((incoming, index) => {
        const existing = stored[index];
        const merged = mergeForImport(existing, incoming);
        if (!merged) {
          counts.unchanged++;
          return;
        }
        if (existing) {
          counts.updated++;
          pageKeys.add(existing.pageKey);
        } else counts.added++;
        pageKeys.add(merged.pageKey);
        writes.push(merged);
      });
      if (writes.length > 0) await db.annotations.bulkPut(writes);
      onProgress?.(start + chunk.length, list.length);
    }
  });
  return { ...counts, pageKeys: [...pageKeys] };
}

/** Whether an error (or the one Dexie wrapped in it) means the disk or the origin's quota is full. */
export function isQuotaError(error: unknown): boolean {
  const seen = new Set<unknown>();
  const visit = (e: unknown): boolean => {
    if (!e || typeof e !== 'object' || seen.has(e)) return false;
    seen.add(e);
    const { name, message, inner, failures } = e as {
      name?: unknown;
      message?: unknown;
      inner?: unknown;
      failures?: unknown;
    };
    if (name === 'QuotaExceededError') return true;
    if (typeof message === 'string' && /quota/i.test(message)) return true;
    if (visit(inner)) return true;
    return Array.isArray(failures) && failures.some(visit);
  };
  return visit(error);
}
