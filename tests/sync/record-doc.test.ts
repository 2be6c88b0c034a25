// @vitest-environment node
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readRecord, SHARDS, shardOf, touchedIds, writeRecord } from '../../lib/sync/record-doc';
import type { Annotation } from '../../lib/types';
import { makeAnnotation, uuid } from '../export/fixtures';

/** Two devices that saw the same start and then went offline. */
function twoDevices(start: Annotation[]) {
  const a = new Y.Doc();
  for (const record of start) writeRecord(a, record.id, record);
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  const exchange = () => {
    const fromA = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
    const fromB = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
    Y.applyUpdate(b, fromA);
    Y.applyUpdate(a, fromB);
  };
  return { a, b, exchange };
}

describe('an annotation in a Yjs document', () => {
  it('reads back exactly the record written, and writing it again changes nothing', () => {
    const doc = new Y.Doc();
    const record = makeAnnotation(1, { note: 'A *note*', tags: ['b', 'a'], color: 'pink' });
    expect(writeRecord(doc, record.id, record)).toBe(true);
    expect(readRecord(doc, record.id)).toEqual({ ...record, tags: ['a', 'b'] });
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    expect(writeRecord(doc, record.id, { ...record, tags: ['a', 'b'] })).toBe(false);
    expect(updates).toHaveLength(0);
  });

  it('spreads ids over every shard, the same way every time', () => {
    const seen = new Set<number>();
    for (let n = 0; n < 2_000; n++) seen.add(shardOf(crypto.randomUUID()));
    expect(seen.size).toBe(SHARDS);
    expect(shardOf(uuid(7))).toBe(shardOf(uuid(7)));
  });

  it('refuses a map too broken to be a record instead of inventing fields', () => {
    const doc = new Y.Doc();
    const map = new Y.Map<unknown>();
    doc.getMap('annotations').set('x', map);
    map.set('color', 'ultraviolet');
    expect(readRecord(doc, 'x')).toBeNull();
  });
});

describe('merging two devices', () => {
  const base = makeAnnotation(1, { note: 'The second option is the one to watch.' });

  it('keeps both devices’ words when they edit the same note offline', () => {
    const { a, b, exchange } = twoDevices([base]);
    writeRecord(a, base.id, { ...base, note: 'Important: The second option is the one to watch.' });
    writeRecord(b, base.id, { ...base, note: 'The second option is the one to watch. Check Cantlie.' });
    exchange();
    const merged = readRecord(a, base.id);
    expect(merged?.note).toBe('Important: The second option is the one to watch. Check Cantlie.');
    expect(readRecord(b, base.id)).toEqual(merged);
  });

  it('keeps changes to different fields from both sides, and tags added on each', () => {
    const { a, b, exchange } = twoDevices([{ ...base, tags: ['strategy'] }]);
    writeRecord(a, base.id, { ...base, color: 'green', tags: ['strategy', 'sources'] });
    writeRecord(b, base.id, { ...base, note: 'edited on b', tags: ['strategy', 'to-check'] });
    exchange();
    const merged = readRecord(a, base.id);
    expect(merged?.color).toBe('green');
    expect(merged?.note).toBe('edited on b');
    expect(merged?.tags).toEqual(['sources', 'strategy', 'to-check']);
    expect(readRecord(b, base.id)).toEqual(merged);
  });

  it('lets a delete win over a concurrent edit: the annotation does not come back', () => {
    const { a, b, exchange } = twoDevices([base]);
    writeRecord(a, base.id, null);
    writeRecord(b, base.id, { ...base, note: 'edited while a deleted it', color: 'blue' });
    exchange();
    expect(readRecord(a, base.id)).toBeNull();
    expect(readRecord(b, base.id)).toBeNull();
  });

  it('brings an annotation back everywhere when it is re-created after a synced delete (undo)', () => {
    const { a, b, exchange } = twoDevices([base]);
    writeRecord(a, base.id, null);
    exchange();
    expect(readRecord(b, base.id)).toBeNull();
    writeRecord(a, base.id, base);
    exchange();
    expect(readRecord(b, base.id)).toEqual(base);
  });

  it('converges whatever order the updates arrive in', () => {
    const { a, b } = twoDevices([base]);
    const updatesA: Uint8Array[] = [];
    const updatesB: Uint8Array[] = [];
    a.on('update', (u: Uint8Array) => updatesA.push(u));
    b.on('update', (u: Uint8Array) => updatesB.push(u));
    writeRecord(a, base.id, { ...base, note: `${base.note} one` });
    writeRecord(a, base.id, { ...base, note: `${base.note} one two` });
    writeRecord(b, base.id, { ...base, note: `Zero. ${base.note}` });
    const c = new Y.Doc();
    const d = new Y.Doc();
    const start = Y.encodeStateAsUpdate(new Y.Doc());
    Y.applyUpdate(c, start);
    for (const u of [...updatesB, ...updatesA].reverse()) Y.applyUpdate(c, u);
    for (const u of [...updatesA, ...updatesB]) Y.applyUpdate(d, u);
    // Neither c nor d saw the base record's creation, only the edits: apply it to both.
    const creation = Y.encodeStateAsUpdate(a, Y.encodeStateVector(new Y.Doc()));
    Y.applyUpdate(c, creation);
    Y.applyUpdate(d, creation);
    Y.applyUpdate(c, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(d, Y.encodeStateAsUpdate(b));
    expect(readRecord(c, base.id)).toEqual(readRecord(d, base.id));
    expect(readRecord(c, base.id)?.note).toBe(`Zero. ${base.note} one two`);
  });

  it('names the ids an applied update touched', () => {
    const { a, b } = twoDevices([base, makeAnnotation(2)]);
    const touched = new Set<string>();
    b.getMap('annotations').observeDeep((events) => {
      for (const id of touchedIds(events, b)) touched.add(id);
    });
    const before = Y.encodeStateVector(a);
    writeRecord(a, base.id, { ...base, tags: ['x'] });
    writeRecord(a, uuid(3), makeAnnotation(3));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, before));
    expect([...touched].sort()).toEqual([base.id, uuid(3)].sort());
  });
});
