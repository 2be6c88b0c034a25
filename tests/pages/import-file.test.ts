import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GlossDatabase, listAll } from '@/lib/db';
import { parseImport, toWebAnnotation } from '@/lib/export';
import { type ImportState, importFile, MAX_FILE_BYTES } from '@/lib/pages/import-file';
import { makeAnnotation, NOW } from '../export/fixtures';

let db: GlossDatabase;
let states: ImportState[];
let notified: string[][];

beforeEach(async () => {
  db = new GlossDatabase(`import-file-${Math.random()}`);
  states = [];
  notified = [];
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

const fileOf = (text: string, name = 'gloss-2025-01-02.json') => new File([text], name);
const exported = (list = [makeAnnotation(1), makeAnnotation(2, { url: 'https://b.org/' })]) =>
  JSON.stringify(toWebAnnotation(list, { now: NOW }));

const deps = () => ({
  db,
  parse: async (text: string) => parseImport(text),
  notify: async (keys: string[]) => {
    notified.push(keys);
  },
  onState: (state: ImportState) => states.push(state),
});

describe('importFile', () => {
  it('reads, writes with progress, tells the changed pages and reports', async () => {
    const final = await importFile(fileOf(exported()), deps());
    expect(states.map((s) => s.kind)).toEqual(['reading', 'writing', 'writing', 'done']);
    expect(states[2]).toMatchObject({ kind: 'writing', done: 2, total: 2, text: 'Importing 2 of 2…' });
    expect(final).toEqual({ kind: 'done', summary: 'Imported 2 new, 0 updated, 0 unchanged.', skipped: [] });
    expect(notified.map((keys) => keys.sort())).toEqual([['https://b.org/', 'https://example.com/article']]);
    expect(await listAll(db)).toHaveLength(2);
  });

  it('adds nothing and tells no page when the same file comes twice', async () => {
    await importFile(fileOf(exported()), deps());
    notified = [];
    const again = await importFile(fileOf(exported()), deps());
    expect(again).toMatchObject({ summary: 'Imported 0 new, 0 updated, 2 unchanged.' });
    expect(notified).toEqual([]);
    expect(await listAll(db)).toHaveLength(2);
  });

  it('fails with the parser’s message on a cut-short file and changes nothing', async () => {
    await importFile(fileOf(exported([makeAnnotation(9)])), deps());
    const text = exported();
    const final = await importFile(fileOf(text.slice(0, text.length / 2)), deps());
    expect(final.kind).toBe('failed');
    expect(final.kind === 'failed' && final.message).toMatch(/not valid JSON; it may be cut short/);
    expect((await listAll(db)).map((a) => a.id)).toEqual([makeAnnotation(9).id]);
  });

  it('says the disk is full when the write hits the quota, and writes nothing', async () => {
    vi.spyOn(db.annotations, 'bulkPut').mockImplementation((() =>
      Promise.reject(Object.assign(new Error('quota'), { name: 'QuotaExceededError' }))) as never);
    const final = await importFile(fileOf(exported()), deps());
    expect(final).toEqual({
      kind: 'failed',
      message:
        'Your disk is full, so Gloss could not import this file. Nothing was imported; free some space and try again.',
    });
    vi.restoreAllMocks();
    expect(await listAll(db)).toEqual([]);
    expect(notified).toEqual([]);
  });

  it('keeps the import when telling the tabs fails', async () => {
    const final = await importFile(fileOf(exported()), {
      ...deps(),
      notify: () => Promise.reject(new Error('no background')),
    });
    expect(final.kind).toBe('done');
  });

  it('refuses a file too large to read', async () => {
    const final = await importFile(
      { name: 'huge.json', size: MAX_FILE_BYTES + 1, text: async () => '' },
      deps(),
    );
    expect(final).toMatchObject({ kind: 'failed', message: expect.stringMatching(/too large/) });
  });

  it('lists the skipped entries', async () => {
    const hypothesis = {
      rows: [
        {
          id: 'r1',
          uri: 'https://a.org/',
          created: '2025-01-01T00:00:00Z',
          updated: '2025-01-01T00:00:00Z',
          target: [{ source: 'https://a.org/' }],
        },
      ],
    };
    const final = await importFile(fileOf(JSON.stringify(hypothesis)), deps());
    expect(final).toMatchObject({
      kind: 'done',
      summary:
        'Imported 0 new, 0 updated, 0 unchanged; 1 skipped (it is a page note, with no highlighted passage).',
    });
    expect(final.kind === 'done' && final.skipped).toHaveLength(1);
  });
});
