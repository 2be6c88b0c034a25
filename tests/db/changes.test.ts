import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { createBackgroundHandlers } from '@/lib/background/handlers';
import { changeAnnotations, GlossDatabase, revertChange, tagCounts } from '@/lib/db';
import { makeAnnotation, uuid } from '../export/fixtures';

let db: GlossDatabase;
let counter = 0;

beforeEach(async () => {
  db = new GlossDatabase(`gloss-changes-test-${counter++}`);
  await db.open();
});
afterEach(() => db.delete());

const seed = () =>
  db.annotations.bulkAdd([
    makeAnnotation(1, { tags: ['a', 'b'] }),
    makeAnnotation(2, { tags: ['b'], url: 'https://other.org/' }),
    makeAnnotation(3, { tags: [] }),
  ]);

describe('changeAnnotations and revertChange', () => {
  it('deletes many and brings them all back exactly as they were', async () => {
    await seed();
    const before = await db.annotations.toArray();
    const outcome = await changeAnnotations(
      db,
      [uuid(1), uuid(2), 'gone'],
      { kind: 'delete' },
      { chunkSize: 1 },
    );
    expect(outcome.changed).toBe(2);
    expect(outcome.pageKeys.sort()).toEqual(['https://example.com/article', 'https://other.org/']);
    expect(await db.annotations.count()).toBe(1);
    const undone = await revertChange(db, outcome.batch as string);
    expect(undone).toMatchObject({ reverted: 2, skipped: 0 });
    expect(await db.annotations.toArray()).toEqual(before);
    expect(await db.undo.count()).toBe(0);
  });

  it('adds and removes tags without touching records that already had them, and counts only real changes', async () => {
    await seed();
    const added = await changeAnnotations(db, [uuid(1), uuid(2), uuid(3)], { kind: 'addTags', tags: ['a'] });
    expect(added.changed).toBe(2);
    expect((await db.annotations.get(uuid(1)))?.modified).toBe('2024-12-01T12:00:00.000Z');
    expect((await db.annotations.get(uuid(3)))?.tags).toEqual(['a']);
    await changeAnnotations(db, [uuid(1)], { kind: 'removeTags', tags: ['b'] });
    expect((await db.annotations.get(uuid(1)))?.tags).toEqual(['a']);
  });

  it('renames a tag, merging it into one the record already has', async () => {
    await seed();
    await changeAnnotations(db, [uuid(1), uuid(2)], { kind: 'renameTag', from: 'b', to: 'a' });
    expect((await db.annotations.get(uuid(1)))?.tags).toEqual(['a']);
    expect((await db.annotations.get(uuid(2)))?.tags).toEqual(['a']);
    expect(await tagCounts(db)).toEqual([{ tag: 'a', count: 2 }]);
  });

  it('keeps an edit made after the change when that change is undone', async () => {
    await seed();
    const outcome = await changeAnnotations(db, [uuid(1), uuid(3)], { kind: 'color', color: 'blue' });
    await db.annotations.update(uuid(3), { note: 'edited since' });
    const undone = await revertChange(db, outcome.batch as string);
    expect(undone).toMatchObject({ reverted: 1, skipped: 1 });
    expect((await db.annotations.get(uuid(1)))?.color).toBe('yellow');
    expect(await db.annotations.get(uuid(3))).toMatchObject({ color: 'blue', note: 'edited since' });
  });

  it('writes nothing when the guard refuses one record', async () => {
    await seed();
    await expect(
      changeAnnotations(
        db,
        [uuid(1), uuid(2)],
        { kind: 'delete' },
        {
          chunkSize: 1,
          guard: (a) => {
            if (a.id === uuid(2)) throw new Error('no');
          },
        },
      ),
    ).rejects.toThrow('no');
    expect(await db.annotations.count()).toBe(3);
    expect(await db.undo.count()).toBe(0);
  });

  it('forgets undo rows older than a day', async () => {
    await seed();
    const old = await changeAnnotations(
      db,
      [uuid(1)],
      { kind: 'color', color: 'green' },
      { now: new Date('2026-01-01') },
    );
    await changeAnnotations(
      db,
      [uuid(2)],
      { kind: 'color', color: 'green' },
      { now: new Date('2026-01-03') },
    );
    expect(await revertChange(db, old.batch as string)).toMatchObject({ reverted: 0 });
  });
});

describe('editAnnotations, undoChange and listTags in the background', () => {
  const ORIGIN = 'chrome-extension://gloss/';
  const library = { id: 'gloss', url: `${ORIGIN}library.html` } as Browser.runtime.MessageSender;
  const contentScript = {
    id: 'gloss',
    url: 'https://example.com/article',
    tab: { id: 1, url: 'https://example.com/article' },
  } as Browser.runtime.MessageSender;
  const noteFrame = {
    id: 'gloss',
    url: `${ORIGIN}note-editor.html`,
    tab: { id: 1 },
    frameId: 3,
  } as Browser.runtime.MessageSender;
  const handlers = () =>
    createBackgroundHandlers({
      database: db,
      runtimeId: 'gloss',
      extensionOrigin: ORIGIN,
      notifyPage: () => undefined,
    });

  it('lets only extension pages change many records or undo', async () => {
    await seed();
    const h = handlers();
    const message = { type: 'editAnnotations' as const, ids: [uuid(1)], edit: { kind: 'delete' as const } };
    await expect(h.editAnnotations(message, contentScript)).rejects.toThrow('Not allowed');
    await expect(h.editAnnotations(message, noteFrame)).rejects.toThrow('Not allowed');
    const done = await h.editAnnotations(message, library);
    await expect(
      h.undoChange({ type: 'undoChange', batch: done.batch as string }, contentScript),
    ).rejects.toThrow('Not allowed');
    expect(await h.undoChange({ type: 'undoChange', batch: done.batch as string }, library)).toMatchObject({
      reverted: 1,
    });
  });

  it('renames a tag on every annotation carrying it when no ids are given', async () => {
    await seed();
    const h = handlers();
    const done = await h.editAnnotations(
      { type: 'editAnnotations', edit: { kind: 'renameTag', from: 'b', to: 'c' } },
      library,
    );
    expect(done.changed).toBe(2);
    expect(await h.listTags({ type: 'listTags' }, library)).toEqual([
      { tag: 'a', count: 1 },
      { tag: 'c', count: 2 },
    ]);
    // A page, or a frame without a grant, learns nothing about the reader's tags.
    expect(await h.listTags({ type: 'listTags' }, contentScript)).toEqual([]);
    expect(await h.listTags({ type: 'listTags', id: uuid(1) }, noteFrame)).toEqual([]);
  });
});
