/**
 * One sync pass, safe to interrupt anywhere. Merging is Yjs's; this file only moves
 * changes between three places in an order that loses nothing when the worker is killed:
 *
 *   Gloss's database ──journal──▶ shard documents ──outbox──▶ server
 *   Gloss's database ◀─pending─── shard documents ◀──────────  server
 *
 * - Local changes are taken from the journal (lib/db/sync-journal.ts) into the shard's
 *   document; the resulting Yjs update goes into the outbox in the same transaction as the
 *   new shard state, and only then is the journal row cleared. A crash before that clear
 *   replays the row, which changes nothing the second time (writeRecord only writes what
 *   differs).
 * - Outbox entries are uploaded under a name fixed when they were made, so an upload that
 *   is retried after a crash overwrites its own file rather than adding a second one.
 * - Server files are applied to the shard, and the ids they touched are saved as pending in
 *   the same transaction as the shard state and the file's "applied" mark; pending ids are
 *   then written into Gloss's database. A crash in between leaves them pending for next time.
 * - Remote changes never overwrite a local change that is still in the journal: that id is
 *   merged in the document first and written back afterwards.
 *
 * Local changes are taken in even when the server is down, so offline edits become Yjs
 * updates against the state they were made on and merge when it comes back.
 */
import * as Y from 'yjs';
import type { GlossDatabase, SyncJournalRow } from '../db';

import type { Annotation } from '../types';
import { UPDATES } from './connect';
import { decryptBlob, encryptBlob } from './crypto';
import { SyncError } from './errors';
import { holdsId, readRecord, SHARDS, shardOf, touchedIds, writeRecord } from './record-doc';
import type { SyncConnection, SyncDatabase } from './store';
import type { SyncTransport } from './webdav';

export interface SyncPassResult {
  /** Annotations changed in Gloss's database by remote changes. */
  received: number;
  /** Uploads made. */
  sent: number;
}

interface Written {
  count: number;
  pageKeys: Set<string>;
}

export interface SyncProgress {
  phase: 'preparing' | 'receiving' | 'sending';
  done: number;
  total: number;
}

export interface EngineDeps {
  database: GlossDatabase;
  syncDb: SyncDatabase;
  transport: SyncTransport;
  connection: SyncConnection;
  /** Called as a long pass moves on (per shard or per upload). */
  onProgress?: (progress: SyncProgress) => void;
  /** Pages whose annotations a pass changed, told even when the pass then failed. */
  onPagesChanged?: (pageKeys: string[]) => void;
}

/** A shard's file count on the server at which it is folded into one snapshot. */
export const COMPACT_AT = 16;
const REMOTE_ORIGIN = 'remote';

/** `<shard>-<device>-<seq>` for updates, `s<shard>-<device>-<seq>` for compacted snapshots. */
const FILE_NAME = /^(s?)(\d{1,3})-([0-9a-f]{12})-(\d{1,15})$/;

export function parseFileName(name: string): { snapshot: boolean; shard: number; device: string } | null {
  const match = FILE_NAME.exec(name);
  if (!match) return null;
  return { snapshot: match[1] === 's', shard: Number(match[2]), device: match[3] as string };
}

export function createSyncEngine(deps: EngineDeps) {
  const { database, syncDb, transport } = deps;
  const progress = (phase: SyncProgress['phase'], done: number, total: number) =>
    deps.onProgress?.({ phase, done, total });
  let connection = deps.connection;
  const key = connection.key;

  async function loadShard(shard: number): Promise<Y.Doc> {
    const doc = new Y.Doc();
    const row = await syncDb.shards.get(shard);
    if (row) Y.applyUpdate(doc, row.state, REMOTE_ORIGIN);
    return doc;
  }

  async function nextName(shard: number, prefix = ''): Promise<string> {
    const seq = connection.seq;
    connection = { ...connection, seq: seq + 1 };
    await syncDb.meta.put({ key: 'connection', value: connection });
    return `${prefix}${shard}-${connection.deviceId}-${seq}`;
  }

  /** Journal → documents → outbox (and pending, for records the merge changed). */
  async function takeLocalChanges(): Promise<void> {
    for (;;) {
      // The whole journal, grouped by shard: each shard is loaded and sent once per pass,
      // so a first sync of 50,000 makes one upload per shard, not one per batch.
      const rows = await database.syncJournal.toArray();
      if (rows.length === 0) return;
      const byShard = groupByShard(rows, (row) => shardOf(row.id));
      let done = 0;
      for (const [shard, shardRows] of byShard) {
        await takeShard(shard, shardRows);
        progress('preparing', ++done, byShard.size);
      }
    }
  }

  async function takeShard(shard: number, rows: SyncJournalRow[]): Promise<void> {
    const records = await database.annotations.bulkGet(rows.map((row) => row.id));
    const doc = await loadShard(shard);
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE_ORIGIN) updates.push(update);
    });
    const backToDexie: string[] = [];
    doc.transact(() => {
      rows.forEach((row, i) => {
        const record = records[i] ?? null;
        writeRecord(doc, row.id, record);
        // The document may hold more than the record did (a tag another device added):
        // what it now holds is the merge, and it goes back into the database.
        if (record && !sameRecord(readRecord(doc, row.id), record)) backToDexie.push(row.id);
      });
    }, 'local');
    if (updates.length > 0 || backToDexie.length > 0) {
      const name = updates.length > 0 ? await nextName(shard) : undefined;
      await syncDb.transaction('rw', [syncDb.shards, syncDb.outbox, syncDb.pending], async () => {
        await syncDb.shards.put({ shard, state: Y.encodeStateAsUpdate(doc) });
        if (name) await syncDb.outbox.put({ name, shard, update: Y.mergeUpdates(updates) });
        if (backToDexie.length > 0) await syncDb.pending.bulkPut(backToDexie.map((id) => ({ id })));
      });
    }
    doc.destroy();
    // Only rows untouched since they were read: a write made meanwhile stays for the next round.
    await database.transaction('rw', database.syncJournal, async () => {
      const now = await database.syncJournal.bulkGet(rows.map((row) => row.id));
      const handled = rows.filter((row, i) => now[i]?.token === row.token).map((row) => row.id);
      await database.syncJournal.bulkDelete(handled);
    });
  }

  /** Pending ids → Gloss's database (what a crash between the two left behind). */
  async function writePending(written: Written): Promise<void> {
    const ids = (await syncDb.pending.toCollection().primaryKeys()) as string[];
    for (const [shard, shardIds] of groupByShard(ids, shardOf)) {
      const doc = await loadShard(shard);
      await writeFromDoc(doc, shardIds, written);
      doc.destroy();
    }
  }

  /**
   * Writes what `doc` holds for `ids` into Gloss's database, skipping any the reader changed
   * meanwhile (those merge in the document on the next local pass), then clears them from pending.
   */
  async function writeFromDoc(doc: Y.Doc, ids: string[], written: Written): Promise<void> {
    const wanted = ids.map((id) => ({ id, record: readRecord(doc, id) }));
    await database.transaction('rw', [database.annotations, database.syncJournal], async () => {
      const journaled = new Set(
        (await database.syncJournal.bulkGet(ids)).flatMap((row) => (row ? [row.id] : [])),
      );
      const current = await database.annotations.bulkGet(ids);
      const puts: Annotation[] = [];
      const deletes: string[] = [];
      wanted.forEach(({ id, record }, i) => {
        if (journaled.has(id)) return;
        // A map the document holds but cannot read (half of a concurrent creation, or
        // another version's shape) is no reason to delete what this device has.
        if (!record && holdsId(doc, id)) return;
        const before = current[i];
        if (record ? sameRecord(before ?? null, record) : !before) return;
        if (before) written.pageKeys.add(before.pageKey);
        if (record) {
          written.pageKeys.add(record.pageKey);
          puts.push(record);
        } else deletes.push(id);
      });
      if (puts.length > 0) await database.annotations.bulkPut(puts);
      if (deletes.length > 0) await database.annotations.bulkDelete(deletes);
      written.count += puts.length + deletes.length;
      // These writes come back through the journal; they are what the document already
      // holds, so the next pass finds nothing to send. Dropping their rows saves it the look.
      const echoed = [...puts.map((record) => record.id), ...deletes];
      if (echoed.length > 0) await database.syncJournal.bulkDelete(echoed);
    });
    await syncDb.pending.bulkDelete(ids);
  }

  /** Server → documents (→ pending) → Gloss's database. */
  async function pull(received: Written): Promise<string[]> {
    const names = await transport.list(UPDATES);
    if (names === null) throw new SyncError('bad-server', 'the sync folder has no updates folder');
    const applied = new Set((await syncDb.applied.toCollection().primaryKeys()) as string[]);
    const fresh = groupByShard(
      names.filter((name) => !applied.has(name)),
      (name) => parseFileName(name)?.shard,
    );
    let shardsDone = 0;
    for (const [shard, shardNames] of fresh) {
      progress('receiving', shardsDone++, fresh.size);
      const doc = await loadShard(shard);
      const touched = new Set<string>();
      doc.getMap('annotations').observeDeep((events) => {
        for (const id of touchedIds(events, doc)) touched.add(id);
      });
      const done: string[] = [];
      for (const name of shardNames) {
        const blob = await transport.get(`${UPDATES}/${name}`);
        // Gone since the listing: another device compacted it into a snapshot, listed too.
        if (!blob) continue;
        const update = await decryptBlob(key, name, blob);
        try {
          Y.applyUpdate(doc, update, REMOTE_ORIGIN);
        } catch (error) {
          throw new SyncError('tampered', `${name}: not a Yjs update (${String(error)})`);
        }
        done.push(name);
      }
      await syncDb.transaction('rw', [syncDb.shards, syncDb.applied, syncDb.pending], async () => {
        await syncDb.shards.put({ shard, state: Y.encodeStateAsUpdate(doc) });
        await syncDb.applied.bulkPut(done.map((name) => ({ name })));
        await syncDb.pending.bulkPut([...touched].map((id) => ({ id })));
      });
      // Straight on from the document in memory; were the worker stopped first, pending has them.
      await writeFromDoc(doc, [...touched], received);
      doc.destroy();
    }
    // Files compacted away by any device are no longer worth remembering.
    const listed = new Set(names);
    const stale = [...applied].filter((name) => !listed.has(name));
    if (stale.length > 0) await syncDb.applied.bulkDelete(stale);
    return names;
  }

  /**
   * Folds a shard's files on the server into one snapshot once it has COMPACT_AT of them,
   * so the folder (and every new device's first sync) does not grow with every edit ever
   * made. Only files this device has applied are removed, and the snapshot that holds them
   * is on the server first: a device compacting at the same time removes only what it has
   * in its own snapshot, so whatever order the two run in, nothing is in no file.
   */
  async function compact(listed: string[], sentNames: string[]): Promise<number> {
    const applied = new Set((await syncDb.applied.toCollection().primaryKeys()) as string[]);
    const byShard = groupByShard(
      [...new Set([...listed, ...sentNames])].filter((name) => applied.has(name)),
      (name) => parseFileName(name)?.shard,
    );
    let compacted = 0;
    for (const [shard, names] of byShard) {
      if (names.length < COMPACT_AT) continue;
      const doc = await loadShard(shard);
      const snapshot = Y.encodeStateAsUpdate(doc);
      doc.destroy();
      const name = await nextName(shard, 's');
      await transport.put(`${UPDATES}/${name}`, await encryptBlob(key, name, snapshot));
      await syncDb.applied.put({ name });
      for (const old of names) {
        await transport.remove(`${UPDATES}/${old}`);
        await syncDb.applied.delete(old);
      }
      compacted += 1;
    }
    return compacted;
  }

  /** Outbox → server. Returns the names sent. */
  async function push(): Promise<string[]> {
    const sent: string[] = [];
    const rows = await syncDb.outbox.toArray();
    for (const row of rows) {
      progress('sending', sent.length, rows.length);
      const blob = await encryptBlob(key, row.name, row.update);
      await transport.put(`${UPDATES}/${row.name}`, blob);
      await syncDb.transaction('rw', [syncDb.outbox, syncDb.applied], async () => {
        await syncDb.outbox.delete(row.name);
        await syncDb.applied.put({ name: row.name });
      });
      sent.push(row.name);
    }
    return sent;
  }

  /**
   * One full pass. Throws the first SyncError met, after doing whatever did not need the
   * server (local changes are always taken in, pending ones always written).
   */
  async function run(): Promise<SyncPassResult> {
    const received: Written = { count: 0, pageKeys: new Set() };
    try {
      return await runPass(received);
    } finally {
      if (received.pageKeys.size > 0) deps.onPagesChanged?.([...received.pageKeys]);
    }
  }

  async function runPass(received: Written): Promise<SyncPassResult> {
    const addPending = () => writePending(received);
    await addPending();
    let failure: unknown;
    let listed: string[] = [];
    try {
      listed = await pull(received);
    } catch (error) {
      failure = error;
    }
    await addPending();
    await takeLocalChanges();
    await addPending();
    if (failure) throw failure;
    const sent = await push();
    await compact(listed, sent);
    return { received: received.count, sent: sent.length };
  }

  async function waiting(): Promise<number> {
    const [outbox, journal] = await Promise.all([syncDb.outbox.count(), database.syncJournal.count()]);
    return outbox + journal;
  }

  return { run, waiting, takeLocalChanges };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;

/** Items by the shard they belong to; an item with no (or an out-of-range) shard is left out. */
function groupByShard<T>(items: Iterable<T>, shardFor: (item: T) => number | undefined): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const shard = shardFor(item);
    if (shard === undefined || shard >= SHARDS) continue;
    const list = groups.get(shard) ?? [];
    list.push(item);
    groups.set(shard, list);
  }
  return groups;
}

function sameRecord(a: Annotation | null, b: Annotation | null): boolean {
  if (!a || !b) return a === b;
  return (
    a.pageKey === b.pageKey &&
    a.url === b.url &&
    a.title === b.title &&
    a.note === b.note &&
    a.color === b.color &&
    a.created === b.created &&
    a.modified === b.modified &&
    JSON.stringify(a.target) === JSON.stringify(b.target) &&
    [...a.tags].sort().join('\u0000') === [...b.tags].sort().join('\u0000')
  );
}
