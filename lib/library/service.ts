/**
 * The library's search service: loads every annotation once, keeps a LibraryIndex in step
 * with each committed write (through the change feed, re-reading only the records a write
 * touched) and answers queries. It runs in a worker so that neither loading 100,000 records
 * nor searching them ever blocks the library page; the same code runs in tests directly.
 */
import type { GlossDatabase } from '../db';
import type { Annotation } from '../types';
import { type ChangedKeys, onTableChange } from './change-feed';
import { LibraryIndex } from './library-index';
import { EMPTY_QUERY, type Facet, type LibraryQuery, type LibraryResult } from './query';

export type ServiceRequest = { type: 'query'; query: LibraryQuery; seq: number };

export type ServiceEvent =
  | { type: 'result'; result: LibraryResult }
  /** The same, with the ids joined by PACK_SEPARATOR: one string crosses to the page far faster than 100,000. */
  | { type: 'packed'; result: Omit<LibraryResult, 'ids'>; ids: string }
  /** These records changed: views holding copies of them re-read them. */
  | { type: 'changed'; ids: string[] }
  | { type: 'tags'; tags: Facet[] }
  | { type: 'error'; message: string };

export const PACK_SEPARATOR = '\u001f';

/** Packs a result's ids into one string unless an id holds the separator (ids come from imports too). */
export function packResult(result: LibraryResult): ServiceEvent {
  const { ids, ...rest } = result;
  if (ids.some((id) => id.includes(PACK_SEPARATOR))) return { type: 'result', result };
  return { type: 'packed', result: rest, ids: ids.join(PACK_SEPARATOR) };
}

export function unpackResult(event: ServiceEvent): LibraryResult | undefined {
  if (event.type === 'result') return event.result;
  if (event.type !== 'packed') return undefined;
  return { ...event.result, ids: event.ids === '' ? [] : event.ids.split(PACK_SEPARATOR) };
}

export interface ServiceOptions {
  /** Records given to the text index per step, between which queries are answered. */
  chunkSize?: number;
  /** Lets queued messages run between steps (a macrotask in the worker). */
  pause?: () => Promise<void>;
}

const defaultPause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function startLibraryService(
  db: GlossDatabase,
  emit: (event: ServiceEvent) => void,
  options: ServiceOptions = {},
): { request(message: ServiceRequest): void; ready: Promise<void>; stop(): void } {
  const index = new LibraryIndex();
  const chunkSize = options.chunkSize ?? 2000;
  const pause = options.pause ?? defaultPause;
  let query: LibraryQuery = EMPTY_QUERY;
  let seq = 0;
  let loaded = false;
  let answerQueued = false;
  let stopped = false;

  const answer = () => {
    if (!loaded || stopped) return;
    emit({ type: 'result', result: index.query(query, seq) });
  };
  // Typing sends a query per key; only the latest one is worth answering.
  const answerSoon = () => {
    if (answerQueued) return;
    answerQueued = true;
    void pause().then(() => {
      answerQueued = false;
      answer();
    });
  };
  const fail = (error: unknown) =>
    emit({ type: 'error', message: error instanceof Error ? error.message : String(error) });

  const refreshOrphans = async () =>
    index.setOrphans(await db.anchorStates.where('kind').equals('orphan').primaryKeys());

  // Changes are applied one after another, in the order they were committed.
  let applying = Promise.resolve();
  const apply = (keys: ChangedKeys) => {
    applying = applying
      .then(async () => {
        const touched = new Set(keys.ids);
        const found: Annotation[] = [];
        if (keys.ids.length) {
          const records = await db.annotations.bulkGet(keys.ids);
          for (const record of records) if (record) found.push(record);
        }
        for (const range of keys.ranges) {
          const inRange = await rangeOf(db, range.from, range.to);
          found.push(...inRange);
          for (const id of index.ids()) if (inside(id, range.from, range.to)) touched.add(id);
        }
        const present = new Set(found.map((a) => a.id));
        index.remove([...touched].filter((id) => !present.has(id)));
        index.upsert(found);
        for (const a of found) touched.add(a.id);
        emit({ type: 'changed', ids: [...touched] });
        emit({ type: 'tags', tags: index.allTags() });
        answer();
      })
      .catch(fail);
  };
  // Writes committed while the first read runs are applied once it is done.
  const early: ChangedKeys[] = [];
  const unsubscribe = [
    onTableChange(db.name, 'annotations', (keys) => (loaded ? apply(keys) : early.push(keys))),
    onTableChange(db.name, 'anchorStates', () => {
      if (loaded) void refreshOrphans().then(answer, fail);
    }),
  ];

  const ready = (async () => {
    const all = await db.annotations.toArray();
    index.upsert(all, false);
    await refreshOrphans();
    loaded = true;
    emit({ type: 'tags', tags: index.allTags() });
    answer();
    for (const keys of early.splice(0)) apply(keys);
    for (let start = 0; start < all.length && !stopped; start += chunkSize) {
      index.indexText(all.slice(start, start + chunkSize));
      await pause();
      // A search typed while indexing sees the growing index, and the page shows the progress.
      answer();
    }
    if (all.length > 0) answer();
  })().catch(fail);

  return {
    request(message) {
      query = message.query;
      seq = message.seq;
      answerSoon();
    },
    ready,
    stop() {
      stopped = true;
      for (const off of unsubscribe) off();
    },
  };
}

function inside(id: string, from: unknown, to: unknown): boolean {
  const above = typeof from !== 'string' || id >= from;
  const below = typeof to !== 'string' || id <= to;
  return above && below;
}

/** Records whose id lies in a changed range; a range with a non-string bound means "all". */
function rangeOf(db: GlossDatabase, from: unknown, to: unknown): Promise<Annotation[]> {
  if (typeof from === 'string' && typeof to === 'string')
    return db.annotations.where(':id').between(from, to, true, true).toArray();
  if (typeof from === 'string') return db.annotations.where(':id').aboveOrEqual(from).toArray();
  if (typeof to === 'string') return db.annotations.where(':id').belowOrEqual(to).toArray();
  return db.annotations.toArray();
}
