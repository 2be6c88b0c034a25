/**
 * Sync's own database, beside Gloss's: the Yjs shards, what waits to be sent, which server
 * files are already applied, and the connection. Kept apart so that turning sync off can
 * drop all of it without touching a single annotation, and so that nothing here is opened
 * unless sync is on. It lives in the extension's origin like the annotations.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { KeyParams } from './crypto';

export interface ShardRow {
  shard: number;
  /** Y.encodeStateAsUpdate of the shard's document. */
  state: Uint8Array;
}

/** A local change not yet on the server. Its name is fixed before the upload, so a retry after a crash overwrites the same file instead of adding a copy. */
export interface OutboxRow {
  name: string;
  shard: number;
  update: Uint8Array;
}

export interface AppliedRow {
  name: string;
}

/** Annotations whose document state must still be written into Gloss's database (a crash between the two). */
export interface PendingRow {
  id: string;
}

export interface SyncConnection {
  server: string;
  deviceId: string;
  key: CryptoKey;
  params: KeyParams;
  /** The number in the name of this device's next upload. */
  seq: number;
}

export interface MetaRow {
  key: 'connection';
  value: SyncConnection;
}

export const SYNC_DATABASE_NAME = 'gloss-sync';

export class SyncDatabase extends Dexie {
  shards!: EntityTable<ShardRow, 'shard'>;
  outbox!: EntityTable<OutboxRow, 'name'>;
  applied!: EntityTable<AppliedRow, 'name'>;
  pending!: EntityTable<PendingRow, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;

  constructor(name = SYNC_DATABASE_NAME) {
    super(name);
    this.version(1).stores({
      shards: 'shard',
      outbox: 'name, shard',
      applied: 'name',
      pending: 'id',
      meta: 'key',
    });
  }

  async connection(): Promise<SyncConnection | undefined> {
    return (await this.meta.get('connection'))?.value;
  }

  /** Forgets everything sync knew (turning it off, or on with another server): annotations are elsewhere and untouched. */
  async reset(connection?: SyncConnection): Promise<void> {
    await this.transaction(
      'rw',
      [this.shards, this.outbox, this.applied, this.pending, this.meta],
      async () => {
        await Promise.all([
          this.shards.clear(),
          this.outbox.clear(),
          this.applied.clear(),
          this.pending.clear(),
          this.meta.clear(),
        ]);
        if (connection) await this.meta.put({ key: 'connection', value: connection });
      },
    );
  }
}
