/**
 * Sync as the background runs it: turning it on and off, one pass at a time, a short delay
 * after local changes, and the status the views show. No browser API here: the background
 * passes in what it needs (storage for the status, a way to tell tabs to redraw), so the
 * same service runs in the unit tests against a real WebDAV server.
 */
import type { GlossDatabase } from '../db';
import { joinSyncFolder, newDeviceId } from './connect';
import { createSyncEngine, type SyncEngine, type SyncProgress } from './engine';
import { isSyncError, SyncError } from './errors';
import { SYNC_OFF, type SyncStatus } from './status';
import { type SyncConnection, SyncDatabase } from './store';
import { type SyncTransport, webdavTransport } from './webdav';

export interface SyncServiceDeps {
  database: GlossDatabase;
  syncDb?: SyncDatabase;
  transportFor?: (server: string) => SyncTransport;
  /** Called with every new status (the background stores it for the views). */
  onStatus: (status: SyncStatus) => void;
  /** Pages whose annotations changed through sync, for open tabs to redraw. */
  onPagesChanged: (pageKeys: string[]) => void;
  /** PBKDF2 iterations for a new sync folder; tests may not go below the floor either. */
  iterations?: number;
  /** Delay between a local change and the pass that sends it. */
  debounceMs?: number;
}

export function createSyncService(deps: SyncServiceDeps) {
  const syncDb = deps.syncDb ?? new SyncDatabase();
  const transportFor = deps.transportFor ?? ((server: string) => webdavTransport(server));
  const debounceMs = deps.debounceMs ?? 1_000;
  let engine: SyncEngine | undefined;
  let connection: SyncConnection | undefined;
  let status: SyncStatus = SYNC_OFF;
  let running: Promise<SyncStatus> | undefined;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const setStatus = (next: SyncStatus) => {
    status = next;
    deps.onStatus(next);
    return next;
  };

  // Progress goes out at most once a second. Each goes through extension storage, which
  // also tells Chrome the worker is busy (it stops one that makes no extension call for 30 s).
  let lastProgress = 0;
  const onProgress = ({ phase, done, total }: SyncProgress) => {
    const now = Date.now();
    if (now - lastProgress < 1_000) return;
    lastProgress = now;
    const unit = phase === 'sending' ? 'uploads' : 'parts';
    setStatus({ ...status, state: 'syncing', progress: `${phase} ${done} of ${total} ${unit}` });
  };

  function start(conn: SyncConnection) {
    connection = conn;
    engine = createSyncEngine({
      database: deps.database,
      syncDb,
      transport: transportFor(conn.server),
      connection: conn,
      onProgress,
      onPagesChanged: deps.onPagesChanged,
    });
  }

  /** On wake-up: picks up the stored connection, if sync was on. */
  async function resume(): Promise<SyncStatus> {
    if (engine) return status;
    const stored = await syncDb.connection();
    if (!stored) return setStatus(SYNC_OFF);
    start(stored);
    return syncNow();
  }

  /**
   * Joins the folder at `server` with `passphrase`. Nothing is changed, locally or on the
   * server, unless the passphrase opens the folder.
   */
  async function join(server: string, passphrase: string): Promise<SyncStatus> {
    let url: string;
    try {
      url = new URL(server.trim()).href;
    } catch {
      throw new SyncError('bad-server', `not a URL: ${server}`);
    }
    const transport = transportFor(url);
    const joined = await joinSyncFolder(transport, passphrase, deps.iterations);
    await running?.catch(() => undefined);
    clearTimeout(timer);
    const conn: SyncConnection = {
      server: url,
      deviceId: newDeviceId(),
      key: joined.key,
      params: joined.params,
      seq: 1,
    };
    await syncDb.reset(conn);
    // Everything already here goes up once: the first pass merges it with what the server has.
    const ids = (await deps.database.annotations.toCollection().primaryKeys()) as string[];
    await deps.database.transaction('rw', deps.database.syncJournal, async () => {
      await deps.database.syncJournal.bulkPut(ids.map((id) => ({ id, token: `join-${conn.deviceId}` })));
    });
    start(conn);
    return setStatus({ state: 'syncing', server: url, waiting: ids.length });
  }

  /** Joins, then runs the first pass to its end (the background does not wait for that). */
  async function turnOn(server: string, passphrase: string): Promise<SyncStatus> {
    await join(server, passphrase);
    return syncNow();
  }

  /** Stops syncing and forgets the key; every annotation stays. */
  async function turnOff(): Promise<SyncStatus> {
    clearTimeout(timer);
    await running?.catch(() => undefined);
    engine = undefined;
    connection = undefined;
    await syncDb.reset();
    await deps.database.syncJournal.clear();
    return setStatus(SYNC_OFF);
  }

  /** Runs a pass now, or right after the one running. */
  function syncNow(): Promise<SyncStatus> {
    if (!engine) return Promise.resolve(status);
    if (running) {
      again = true;
      return running;
    }
    running = pass().finally(() => {
      running = undefined;
      if (again) {
        again = false;
        void syncNow();
      }
    });
    return running;
  }

  async function pass(): Promise<SyncStatus> {
    const current = engine;
    if (!current || !connection) return status;
    const server = connection.server;
    try {
      await current.run();
      const waiting = await current.waiting();
      lastProgress = 0;
      return setStatus({
        state: waiting > 0 ? 'waiting' : 'synced',
        server,
        lastSync: new Date().toISOString(),
        waiting,
      });
    } catch (error) {
      const waiting = await current.waiting().catch(() => status.waiting);
      const syncError = isSyncError(error) ? error : new SyncError('bad-server', String(error));
      return setStatus({
        state: 'error',
        server,
        lastSync: status.lastSync,
        waiting,
        error: syncError.message,
        code: syncError.code,
      });
    }
  }

  /** A local change happened: one pass shortly after, however many changes follow it. */
  function changed(): void {
    if (!engine) return;
    clearTimeout(timer);
    timer = setTimeout(() => void syncNow(), debounceMs);
  }

  return {
    resume,
    join,
    turnOn,
    turnOff,
    syncNow,
    changed,
    status: () => status,
    isOn: () => engine !== undefined,
  };
}

export type SyncService = ReturnType<typeof createSyncService>;
