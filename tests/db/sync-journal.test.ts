import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  changeAnnotations,
  createAnnotation,
  GlossDatabase,
  importAnnotations,
  setSyncJournal,
  updateAnnotation,
} from '../../lib/db';
import { makeAnnotation, uuid } from '../export/fixtures';

let db: GlossDatabase;

beforeEach(() => {
  db = new GlossDatabase(`journal-${Math.random()}`);
});

afterEach(() => db.close());

const journaled = async () => (await db.syncJournal.toCollection().primaryKeys()).sort();

describe('the sync journal', () => {
  it('names every annotation written, by every path that writes', async () => {
    await createAnnotation(db, makeAnnotation(1));
    await updateAnnotation(db, uuid(1), { note: 'edited' });
    await importAnnotations(db, [makeAnnotation(2), makeAnnotation(3)]);
    await db.annotations.put(makeAnnotation(4));
    await db.annotations.where('id').equals(uuid(4)).modify({ color: 'green' });
    expect(await journaled()).toEqual([uuid(1), uuid(2), uuid(3), uuid(4)]);
  });

  it('names deleted annotations too, cleared tables included', async () => {
    await db.annotations.bulkPut([makeAnnotation(1), makeAnnotation(2), makeAnnotation(3)]);
    await db.syncJournal.clear();
    await changeAnnotations(db, [uuid(1)], { kind: 'delete' });
    expect(await journaled()).toEqual([uuid(1)]);
    await db.annotations.clear();
    expect(await journaled()).toEqual([uuid(1), uuid(2), uuid(3)]);
  });

  it('gives every write a new token, so a change made during a sync pass is not cleared with it', async () => {
    await createAnnotation(db, makeAnnotation(1));
    const first = await db.syncJournal.get(uuid(1));
    await updateAnnotation(db, uuid(1), { note: 'again' });
    const second = await db.syncJournal.get(uuid(1));
    expect(second?.token).not.toBe(first?.token);
  });

  it('records nothing for a write that did not commit', async () => {
    await db
      .transaction('rw', db.annotations, async () => {
        await db.annotations.put(makeAnnotation(1));
        throw new Error('abort');
      })
      .catch(() => undefined);
    expect(await db.annotations.count()).toBe(0);
    expect(await journaled()).toEqual([]);
  });
});

describe('the sync journal while sync is off', () => {
  afterEach(() => setSyncJournal(true));

  it('records nothing once this context knows sync is off, and again once it is on', async () => {
    setSyncJournal(false);
    await createAnnotation(db, makeAnnotation(1));
    expect(await journaled()).toEqual([]);
    setSyncJournal(true);
    await updateAnnotation(db, uuid(1), { note: 'now journaled' });
    expect(await journaled()).toEqual([uuid(1)]);
  });
});
