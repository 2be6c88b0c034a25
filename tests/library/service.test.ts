import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GlossDatabase } from '@/lib/db';
import { EMPTY_QUERY, type LibraryResult } from '@/lib/library/query';
import { type ServiceEvent, startLibraryService } from '@/lib/library/service';
import { makeAnnotation, uuid } from '../export/fixtures';

let db: GlossDatabase;
let counter = 0;
beforeEach(async () => {
  db = new GlossDatabase(`gloss-library-service-${counter++}`);
  await db.open();
});
afterEach(() => db.delete());

function listen() {
  const events: ServiceEvent[] = [];
  const waiters: (() => void)[] = [];
  const emit = (event: ServiceEvent) => {
    events.push(event);
    for (const wake of waiters.splice(0)) wake();
  };
  const until = async <T>(find: () => T | undefined): Promise<T> => {
    for (;;) {
      const found = find();
      if (found !== undefined) return found;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  const lastResult = () =>
    [...events].reverse().find((e): e is { type: 'result'; result: LibraryResult } => e.type === 'result')
      ?.result;
  return { events, emit, until, lastResult };
}

describe('the library service', () => {
  it('answers the latest query only, after loading and indexing everything', async () => {
    await db.annotations.bulkAdd([makeAnnotation(1, { note: 'alpha' }), makeAnnotation(2, { note: 'beta' })]);
    const feed = listen();
    const service = startLibraryService(db, feed.emit, { chunkSize: 1 });
    await service.ready;
    service.request({ type: 'query', query: { ...EMPTY_QUERY, text: 'alp' }, seq: 1 });
    service.request({ type: 'query', query: { ...EMPTY_QUERY, text: 'bet' }, seq: 2 });
    const result = await feed.until(() => (feed.lastResult()?.seq === 2 ? feed.lastResult() : undefined));
    expect(result.ids).toEqual([uuid(2)]);
    expect(feed.events.filter((e) => e.type === 'result' && e.result.seq === 1)).toHaveLength(0);
    service.stop();
  });

  it('follows writes made after loading: an add, an edit and a delete, re-reading only those records', async () => {
    await db.annotations.bulkAdd([makeAnnotation(1, { note: 'first' })]);
    const feed = listen();
    const service = startLibraryService(db, feed.emit);
    await service.ready;
    service.request({ type: 'query', query: EMPTY_QUERY, seq: 1 });
    await feed.until(() => feed.lastResult());

    await db.annotations.add(makeAnnotation(2, { note: 'second' }));
    await feed.until(() => (feed.lastResult()?.ids.length === 2 ? true : undefined));
    await db.annotations.update(uuid(1), { note: 'renamed' });
    await feed.until(() =>
      feed.events.some((e) => e.type === 'changed' && e.ids.length === 1 && e.ids[0] === uuid(1))
        ? true
        : undefined,
    );
    service.request({ type: 'query', query: { ...EMPTY_QUERY, text: 'renamed' }, seq: 2 });
    expect(
      (await feed.until(() => (feed.lastResult()?.seq === 2 ? feed.lastResult() : undefined))).ids,
    ).toEqual([uuid(1)]);
    await db.annotations.delete(uuid(1));
    service.request({ type: 'query', query: EMPTY_QUERY, seq: 3 });
    await feed.until(() =>
      feed.lastResult()?.seq === 3 && feed.lastResult()?.ids.length === 1 ? true : undefined,
    );
    expect(feed.lastResult()?.ids).toEqual([uuid(2)]);
    service.stop();
  });

  it('sees a clear of the whole table', async () => {
    await db.annotations.bulkAdd([makeAnnotation(1), makeAnnotation(2)]);
    const feed = listen();
    const service = startLibraryService(db, feed.emit);
    await service.ready;
    service.request({ type: 'query', query: EMPTY_QUERY, seq: 1 });
    await feed.until(() => feed.lastResult());
    await db.annotations.clear();
    await feed.until(() => (feed.lastResult()?.total === 0 ? true : undefined));
    service.stop();
  });
});
