// @vitest-environment node
/**
 * Devices syncing through a real WebDAV server: each device is its own pair of databases
 * (Gloss's and sync's, in fake-indexeddb under distinct names) and its own sync service,
 * the one the background runs.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  changeAnnotations,
  createAnnotation,
  GlossDatabase,
  importAnnotations,
  revertChange,
} from '../../lib/db';
import { COMPACT_AT } from '../../lib/sync/engine';
import { isSyncError } from '../../lib/sync/errors';
import { createSyncService, type SyncService } from '../../lib/sync/service';
import type { SyncStatus } from '../../lib/sync/status';
import { SyncDatabase } from '../../lib/sync/store';
import { webdavTransport } from '../../lib/sync/webdav';
import type { Annotation } from '../../lib/types';
import { makeAnnotation, uuid } from '../export/fixtures';
import { startTestServer, type TestServer } from './webdav-server';

const PASSPHRASE = 'margin notes are for keeps';

interface Device {
  db: GlossDatabase;
  syncDb: SyncDatabase;
  service: SyncService;
  statuses: SyncStatus[];
  changedPages: string[];
  all(): Promise<Annotation[]>;
}

let server: TestServer;
let devices: Device[];

function device(): Device {
  const name = `device-${Math.random().toString(36).slice(2)}`;
  const db = new GlossDatabase(`gloss-${name}`);
  const syncDb = new SyncDatabase(`sync-${name}`);
  const statuses: SyncStatus[] = [];
  const changedPages: string[] = [];
  const service = createSyncService({
    database: db,
    syncDb,
    onStatus: (status) => statuses.push(status),
    onPagesChanged: (keys) => changedPages.push(...keys),
  });
  const made: Device = {
    db,
    syncDb,
    service,
    statuses,
    changedPages,
    all: async () => (await db.annotations.toArray()).sort((a, b) => a.id.localeCompare(b.id)),
  };
  devices.push(made);
  return made;
}

async function synced(d: Device): Promise<SyncStatus> {
  const status = await d.service.syncNow();
  expect(status.state, status.error).toBe('synced');
  return status;
}

beforeEach(async () => {
  devices = [];
  server = await startTestServer();
});

afterEach(async () => {
  for (const d of devices) {
    d.db.close();
    d.syncDb.close();
  }
  await server.dispose();
});

describe('sync through a WebDAV server', () => {
  it('brings a highlight and its note to a second device, and an edit back', async () => {
    const a = device();
    const b = device();
    const record = await createAnnotation(a.db, makeAnnotation(1, { note: 'Branding as recruitment.' }));
    expect((await a.service.turnOn(server.url, PASSPHRASE)).state).toBe('synced');
    expect((await b.service.turnOn(server.url, PASSPHRASE)).state).toBe('synced');
    expect(await b.all()).toEqual([record]);
    expect(b.changedPages).toContain(record.pageKey);

    await changeAnnotations(b.db, [record.id], {
      kind: 'update',
      changes: { note: 'Branding as recruitment. Edited on B.' },
    });
    await synced(b);
    await synced(a);
    expect((await a.all())[0]?.note).toBe('Branding as recruitment. Edited on B.');
    expect(await a.all()).toEqual(await b.all());
  });

  it('merges offline edits to the same note from both sides and propagates different deletes', async () => {
    const a = device();
    const b = device();
    const shared = makeAnnotation(1, { note: 'The second option is the one to watch.' });
    for (const n of [1, 2, 3]) await createAnnotation(a.db, n === 1 ? shared : makeAnnotation(n));
    await a.service.turnOn(server.url, PASSPHRASE);
    await b.service.turnOn(server.url, PASSPHRASE);
    expect(await b.all()).toHaveLength(3);

    await server.stop();
    await changeAnnotations(a.db, [shared.id], {
      kind: 'update',
      changes: { note: `A says: ${shared.note}` },
    });
    await changeAnnotations(b.db, [shared.id], {
      kind: 'update',
      changes: { note: `${shared.note} B adds this.` },
    });
    await changeAnnotations(a.db, [uuid(2)], { kind: 'delete' });
    await changeAnnotations(b.db, [uuid(3)], { kind: 'delete' });
    const offline = await a.service.syncNow();
    expect(offline.state).toBe('error');
    expect(offline.code).toBe('unreachable');
    expect(offline.waiting).toBeGreaterThan(0);
    expect((await b.service.syncNow()).code).toBe('unreachable');

    await server.start();
    await synced(a);
    await synced(b);
    await synced(a);
    const onA = await a.all();
    expect(onA).toEqual(await b.all());
    expect(onA.map((r) => r.id)).toEqual([shared.id]);
    expect(onA[0]?.note).toBe(`A says: ${shared.note} B adds this.`);
  });

  it('restores everywhere when a synced delete is undone, and never resurrects otherwise', async () => {
    const a = device();
    const b = device();
    await createAnnotation(a.db, makeAnnotation(1));
    await a.service.turnOn(server.url, PASSPHRASE);
    await b.service.turnOn(server.url, PASSPHRASE);
    const removal = await changeAnnotations(a.db, [uuid(1)], { kind: 'delete' });
    await synced(a);
    await synced(b);
    expect(await b.all()).toEqual([]);
    // B syncing again, or a third device joining, does not bring it back.
    await synced(b);
    const c = device();
    await c.service.turnOn(server.url, PASSPHRASE);
    expect(await c.all()).toEqual([]);

    await revertChange(a.db, removal.batch as string);
    await synced(a);
    await synced(b);
    expect((await b.all()).map((r) => r.id)).toEqual([uuid(1)]);
  });

  it('keeps every quote, note, tag and URL off the server in plain text', async () => {
    const a = device();
    await createAnnotation(
      a.db,
      makeAnnotation(1, {
        url: 'https://www.securitydispatch.org/isis-really-want',
        title: 'What does ISIS really want now?',
        note: 'zebracorn is a made-up word',
        tags: ['quokkatag'],
        target: { quote: { type: 'TextQuoteSelector', exact: 'carefully choreographed branding' } },
      }),
    );
    await a.service.turnOn(server.url, PASSPHRASE);
    const files = server.files();
    expect(files.length).toBeGreaterThan(1);
    for (const { path, bytes } of files) {
      const text = bytes.toString('latin1');
      for (const secret of ['choreographed', 'zebracorn', 'quokkatag', 'securitydispatch', 'ISIS', 'yellow'])
        expect(text, `${path} holds "${secret}"`).not.toContain(secret);
    }
  });

  it('refuses a wrong passphrase with a clear error and changes nothing on either side', async () => {
    const a = device();
    await createAnnotation(a.db, makeAnnotation(1));
    await a.service.turnOn(server.url, PASSPHRASE);
    const before = server.files().map((f) => `${f.path}:${f.bytes.length}`);
    const c = device();
    await createAnnotation(c.db, makeAnnotation(9));
    const error = await c.service.turnOn(server.url, 'not the passphrase').catch((e: unknown) => e);
    expect(isSyncError(error, 'wrong-passphrase')).toBe(true);
    expect((error as Error).message).toMatch(/wrong passphrase/i);
    expect(server.files().map((f) => `${f.path}:${f.bytes.length}`)).toEqual(before);
    expect((await c.all()).map((r) => r.id)).toEqual([uuid(9)]);
    expect(c.service.isOn()).toBe(false);
  });

  it('refuses data a newer Gloss wrote instead of reading it', async () => {
    const a = device();
    await a.service.turnOn(server.url, PASSPHRASE);
    const transport = webdavTransport(server.url);
    const manifest = JSON.parse(
      new TextDecoder().decode((await transport.get('gloss-sync.json')) ?? new Uint8Array()),
    );
    await transport.put(
      'gloss-sync.json',
      new TextEncoder().encode(JSON.stringify({ ...manifest, schema: 2 })),
    );
    const error = await device()
      .service.turnOn(server.url, PASSPHRASE)
      .catch((e: unknown) => e);
    expect(isSyncError(error, 'newer-schema')).toBe(true);
  });

  it('refuses a blob changed on the server and applies nothing from it', async () => {
    const a = device();
    await createAnnotation(a.db, makeAnnotation(1));
    await a.service.turnOn(server.url, PASSPHRASE);
    const transport = webdavTransport(server.url);
    const [name] = (await transport.list('u')) ?? [];
    const blob = (await transport.get(`u/${name}`)) as Uint8Array;
    blob[blob.length - 1] = (blob[blob.length - 1] ?? 0) ^ 1;
    await transport.put(`u/${name}`, blob);
    const b = device();
    await b.service.turnOn(server.url, PASSPHRASE);
    expect(b.service.status().code).toBe('tampered');
    expect(await b.all()).toEqual([]);
  });

  it('loses and duplicates nothing when a pass dies halfway through its uploads', async () => {
    const a = device();
    for (let n = 1; n <= 200; n++) await createAnnotation(a.db, makeAnnotation(n, { note: `note ${n}` }));
    // The worker is killed after its third upload: a fetch that never returns, then a new service on the same databases.
    let puts = 0;
    const dying = createSyncService({
      database: a.db,
      syncDb: a.syncDb,
      onStatus: () => undefined,
      onPagesChanged: () => undefined,
      transportFor: (url) => {
        const real = webdavTransport(url);
        return {
          ...real,
          put: async (path, bytes) => {
            if (path.startsWith('u/') && ++puts > 3) throw new Error('killed');
            return real.put(path, bytes);
          },
        };
      },
    });
    expect((await dying.turnOn(server.url, PASSPHRASE)).state).toBe('error');
    const revived = createSyncService({
      database: a.db,
      syncDb: a.syncDb,
      onStatus: () => undefined,
      onPagesChanged: () => undefined,
    });
    expect((await revived.resume()).state).toBe('synced');
    const uploads = (await webdavTransport(server.url).list('u')) ?? [];
    // One file per shard touched, whatever number of attempts it took.
    expect(uploads.length).toBeLessThanOrEqual(64);
    const b = device();
    await b.service.turnOn(server.url, PASSPHRASE);
    const onB = await b.all();
    expect(onB).toHaveLength(200);
    expect(onB).toEqual(await a.all());
  });

  it('folds a shard’s many small updates into one snapshot, and a new device still gets the latest', async () => {
    const a = device();
    const b = device();
    await createAnnotation(a.db, makeAnnotation(1, { note: 'v0' }));
    await a.service.turnOn(server.url, PASSPHRASE);
    await b.service.turnOn(server.url, PASSPHRASE);
    for (let n = 1; n <= 40; n++) {
      const writer = n % 2 === 0 ? a : b;
      const current = (await writer.all())[0] as Annotation;
      await changeAnnotations(writer.db, [current.id], { kind: 'update', changes: { note: `v${n}` } });
      await synced(writer);
      await synced(n % 2 === 0 ? b : a);
    }
    const files = (await webdavTransport(server.url).list('u')) ?? [];
    expect(files.length).toBeLessThan(COMPACT_AT + 2);
    expect(files.some((name) => name.startsWith('s'))).toBe(true);
    const c = device();
    await c.service.turnOn(server.url, PASSPHRASE);
    expect((await c.all()).map((r) => r.note)).toEqual(['v40']);
    expect(await a.all()).toEqual(await b.all());
  });

  it('sends an import on one device to the others, once', async () => {
    const a = device();
    const b = device();
    await a.service.turnOn(server.url, PASSPHRASE);
    await b.service.turnOn(server.url, PASSPHRASE);
    const file = Array.from({ length: 300 }, (_, i) => makeAnnotation(i + 1, { note: `imported ${i + 1}` }));
    await importAnnotations(a.db, file);
    await synced(a);
    await synced(b);
    expect(await b.all()).toEqual(await a.all());
    expect(await b.db.annotations.count()).toBe(300);
    // Importing the same file again adds nothing anywhere.
    await importAnnotations(a.db, file);
    await synced(a);
    await synced(b);
    expect(await b.db.annotations.count()).toBe(300);
  });
});
