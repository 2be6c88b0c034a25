/**
 * Readers' databases were made by older builds. For every schema version that shipped,
 * tests/fixtures/db/ holds a frozen copy of such a database (its stores, indexes and
 * records, written once by hand); each is rebuilt here with raw IndexedDB, as that build
 * left it, and then opened with today's GlossDatabase, which must upgrade it with every
 * annotation intact and every index answering.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { GlossDatabase, listAll, listPage, updateAnnotation } from '@/lib/db';
import { AnnotationSchema } from '@/lib/messaging';
import type { Annotation } from '@/lib/types';

interface StoreFixture {
  keyPath: string;
  autoIncrement: boolean;
  indexes: { name: string; keyPath: string; unique: boolean; multiEntry: boolean }[];
}

interface DatabaseFixture {
  name: string;
  /** The native IndexedDB version (Dexie's version times ten). */
  version: number;
  stores: Record<string, StoreFixture>;
  records: Record<string, Record<string, unknown>[]>;
}

const DIRECTORY = join(import.meta.dirname, '../fixtures/db');
const fixtures = readdirSync(DIRECTORY)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => ({
    file,
    fixture: JSON.parse(readFileSync(join(DIRECTORY, file), 'utf8')) as DatabaseFixture,
  }));

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Builds the database an old build left behind, without Dexie. */
async function buildOld(name: string, fixture: DatabaseFixture): Promise<void> {
  const open = indexedDB.open(name, fixture.version);
  open.onupgradeneeded = () => {
    for (const [storeName, store] of Object.entries(fixture.stores)) {
      const created = open.result.createObjectStore(storeName, {
        keyPath: store.keyPath,
        autoIncrement: store.autoIncrement,
      });
      for (const index of store.indexes)
        created.createIndex(index.name, index.keyPath, {
          unique: index.unique,
          multiEntry: index.multiEntry,
        });
    }
  };
  const db = await request(open);
  const names = Object.keys(fixture.records);
  const tx = db.transaction(names, 'readwrite');
  for (const storeName of names)
    for (const row of fixture.records[storeName] ?? []) tx.objectStore(storeName).add(row);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

/** Stores and indexes as IndexedDB itself reports them. */
async function nativeShape(name: string): Promise<{ version: number; stores: Record<string, string[]> }> {
  const db = await request(indexedDB.open(name));
  const stores: Record<string, string[]> = {};
  const names = [...db.objectStoreNames];
  const tx = db.transaction(names, 'readonly');
  for (const storeName of names) stores[storeName] = [...tx.objectStore(storeName).indexNames].sort();
  const version = db.version;
  db.close();
  return { version, stores };
}

const byId = <T extends { id: string }>(rows: readonly T[]) =>
  [...rows].sort((a, b) => a.id.localeCompare(b.id));

describe('schema upgrades', () => {
  it('has a frozen fixture for every schema version that shipped', () => {
    const current = new GlossDatabase(`versions-${Math.random()}`).verno;
    const covered = fixtures.map(({ fixture }) => fixture.version / 10).sort();
    expect(covered).toEqual(Array.from({ length: current }, (_, i) => i + 1));
  });

  for (const { file, fixture } of fixtures) {
    describe(`a database left by schema v${fixture.version / 10} (${file})`, () => {
      const annotations = (fixture.records.annotations ?? []) as unknown as Annotation[];
      const anchorStates = fixture.records.anchorStates ?? [];

      it('opens with every annotation and anchor state intact', async () => {
        const name = `upgrade-${file}-${Math.random()}`;
        await buildOld(name, fixture);
        const database = new GlossDatabase(name);
        await database.open();

        expect(byId(await database.annotations.toArray())).toEqual(byId(annotations));
        for (const annotation of annotations)
          expect(await database.annotations.get(annotation.id)).toEqual(annotation);
        // Stored records are still what today's protocol accepts, so they can be edited and restored.
        for (const annotation of await database.annotations.toArray())
          expect(v.safeParse(AnnotationSchema, annotation).issues).toBeUndefined();
        // Versions before v2 had no anchor states: the table is there and empty.
        expect(byId(await database.anchorStates.toArray())).toEqual(byId(anchorStates as { id: string }[]));
        database.close();

        const shape = await nativeShape(name);
        expect(shape.version).toBe(new GlossDatabase(name).verno * 10);
        expect(shape.stores).toEqual({
          annotations: ['created', 'modified', 'pageKey', 'tags'],
          anchorStates: ['kind', 'pageKey'],
          undo: ['batch', 'created'],
          syncJournal: [],
        });
      });

      it('answers every index and takes writes afterwards', async () => {
        const name = `upgrade-index-${file}-${Math.random()}`;
        await buildOld(name, fixture);
        const database = new GlossDatabase(name);

        for (const key of new Set(annotations.map((a) => a.pageKey))) {
          expect(byId(await listPage(database, key))).toEqual(
            byId(annotations.filter((a) => a.pageKey === key)),
          );
        }
        const newestFirst = [...annotations].sort((a, b) => b.created.localeCompare(a.created));
        expect((await listAll(database)).map((a) => a.id)).toEqual(newestFirst.map((a) => a.id));
        for (const tag of new Set(annotations.flatMap((a) => a.tags))) {
          const tagged = await database.annotations.where('tags').equals(tag).primaryKeys();
          expect([...tagged].sort()).toEqual(
            annotations
              .filter((a) => a.tags.includes(tag))
              .map((a) => a.id)
              .sort(),
          );
        }
        const kinds = await database.anchorStates.where('kind').equals('orphan').count();
        expect(kinds).toBe(anchorStates.filter((s) => s.kind === 'orphan').length);

        const first = annotations[0] as Annotation;
        const edited = await updateAnnotation(database, first.id, { note: 'edited after the upgrade' });
        expect(edited).toEqual({ ...first, note: 'edited after the upgrade', modified: edited?.modified });
        database.close();
      });
    });
  }
});
