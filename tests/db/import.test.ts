import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GlossDatabase, importAnnotations, isQuotaError, listAll } from '../../lib/db';
import type { Annotation } from '../../lib/types';
import { makeAnnotation } from '../export/fixtures';

let db: GlossDatabase;
let counter = 0;

beforeEach(async () => {
  db = new GlossDatabase(`gloss-import-test-${counter++}`);
  await db.open();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

const sorted = (list: Annotation[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));

describe('importAnnotations', () => {
  it('adds new records and adds nothing when the same list comes again', async () => {
    const list = [makeAnnotation(1), makeAnnotation(2), makeAnnotation(3, { url: 'https://other.org/x' })];
    const first = await importAnnotations(db, list);
    expect(first).toMatchObject({ added: 3, updated: 0, unchanged: 0 });
    expect(first.pageKeys.sort()).toEqual(['https://example.com/article', 'https://other.org/x']);
    const second = await importAnnotations(db, list);
    expect(second).toEqual({ added: 0, updated: 0, unchanged: 3, pageKeys: [] });
    expect(sorted(await listAll(db))).toStrictEqual(sorted(list));
  });

  it('keeps the newer of the stored and the imported record', async () => {
    const older = '2024-01-01T00:00:00.000Z';
    const newer = '2025-06-01T00:00:00.000Z';
    await db.annotations.bulkPut([
      makeAnnotation(1, { note: 'stored, newer', modified: newer }),
      makeAnnotation(2, { note: 'stored, older', modified: older }),
      makeAnnotation(3, { note: 'stored, same time', modified: older }),
    ]);
    const counts = await importAnnotations(db, [
      makeAnnotation(1, { note: 'imported, older', modified: older }),
      makeAnnotation(2, { note: 'imported, newer', modified: newer }),
      makeAnnotation(3, { note: 'imported, same time', modified: older }),
      makeAnnotation(4, { note: 'imported, new' }),
    ]);
    expect(counts).toMatchObject({ added: 1, updated: 1, unchanged: 2 });
    const notes = (await listAll(db)).map((a) => [a.id.slice(-1), a.note]).sort();
    expect(notes).toEqual([
      ['1', 'stored, newer'],
      ['2', 'imported, newer'],
      ['3', 'stored, same time'],
      ['4', 'imported, new'],
    ]);
  });

  it('reports progress chunk by chunk up to the total', async () => {
    const list = Array.from({ length: 25 }, (_, i) => makeAnnotation(i));
    const seen: [number, number][] = [];
    await importAnnotations(db, list, (done, total) => seen.push([done, total]), { chunkSize: 10 });
    expect(seen).toEqual([
      [0, 25],
      [10, 25],
      [20, 25],
      [25, 25],
    ]);
  });

  it('writes nothing at all when a write fails half-way (disk full)', async () => {
    const before = [makeAnnotation(1, { note: 'kept', modified: '2024-01-01T00:00:00.000Z' })];
    await db.annotations.bulkPut(before);
    const table = db.annotations;
    const realBulkPut = table.bulkPut.bind(table);
    let calls = 0;
    vi.spyOn(table, 'bulkPut').mockImplementation(((...args: Parameters<typeof realBulkPut>) => {
      calls++;
      if (calls === 1) return realBulkPut(...args);
      const error = new Error('The quota has been exceeded.');
      error.name = 'QuotaExceededError';
      return Promise.reject(error);
    }) as typeof table.bulkPut);
    const list = Array.from({ length: 30 }, (_, i) =>
      makeAnnotation(i, { note: 'imported', modified: '2025-01-01T00:00:00.000Z' }),
    );
    const failure = await importAnnotations(db, list, undefined, { chunkSize: 10 }).catch((e: unknown) => e);
    expect(calls).toBe(2);
    expect(isQuotaError(failure)).toBe(true);
    vi.restoreAllMocks();
    expect(await listAll(db)).toStrictEqual(before);
  });

  it('imports 50,000 records correctly, and the same 50,000 again as unchanged', async () => {
    const list = Array.from({ length: 50_000 }, (_, i) =>
      makeAnnotation(i, { url: `https://example.com/page-${i % 500}` }),
    );
    let last = 0;
    let started = performance.now();
    const first = await importAnnotations(db, list, (done) => {
      last = done;
    });
    const firstMs = performance.now() - started;
    expect(first).toMatchObject({ added: 50_000, updated: 0, unchanged: 0 });
    expect(first.pageKeys).toHaveLength(500);
    expect(last).toBe(50_000);
    expect(await db.annotations.count()).toBe(50_000);
    expect(await db.annotations.get(list[49_999]!.id)).toStrictEqual(list[49_999]);
    started = performance.now();
    const second = await importAnnotations(db, list);
    const secondMs = performance.now() - started;
    expect(second).toMatchObject({ added: 0, updated: 0, unchanged: 50_000 });
    console.info(
      `importAnnotations, fake-indexeddb: 50,000 new in ${Math.round(firstMs)} ms, 50,000 unchanged in ${Math.round(secondMs)} ms`,
    );
  }, 120_000);
});

describe('isQuotaError', () => {
  it('finds a quota error by name, by message, or wrapped by Dexie', () => {
    const named = Object.assign(new Error('x'), { name: 'QuotaExceededError' });
    expect(isQuotaError(named)).toBe(true);
    expect(isQuotaError(new Error('Quota exceeded for this origin'))).toBe(true);
    expect(isQuotaError(Object.assign(new Error('Transaction aborted'), { inner: named }))).toBe(true);
    expect(isQuotaError(Object.assign(new Error('bulk'), { failures: [named] }))).toBe(true);
    expect(isQuotaError(new Error('ConstraintError'))).toBe(false);
    expect(isQuotaError('disk full')).toBe(false);
  });
});
