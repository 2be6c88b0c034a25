/**
 * Sync in the background: the service (lib/sync) with the browser around it. It is made only
 * when the stored status says sync is on, or when the reader turns it on, so a reader who
 * never syncs never opens sync's database nor runs any of it.
 *
 * A pass runs shortly after every local change (Dexie tells every context of a write, the
 * library's imports included), every few seconds while the worker is awake, and on an alarm
 * that wakes a sleeping worker. MV3 kills an idle worker after about 30 s; the next alarm or
 * event resumes from what the databases hold (lib/sync/engine.ts says why nothing is lost).
 */
import { Dexie } from 'dexie';
import type { Browser } from 'wxt/browser';
import type { GlossDatabase } from '../db';
import { syncStatus } from '../settings';
import { createSyncService, type SyncService } from '../sync/service';
import { SYNC_OFF, type SyncStatus } from '../sync/status';
import type { SyncControls } from './handlers';

const ALARM = 'gloss-sync';
/** Chrome's shortest alarm period; Firefox allows less but this is plenty. */
const ALARM_MINUTES = 0.5;
const POLL_MS = 4_000;

export interface BackgroundSyncDeps {
  database: GlossDatabase;
  alarms: Pick<typeof Browser.alarms, 'create' | 'clear' | 'onAlarm'>;
  onPagesChanged: (pageKeys: string[]) => void;
}

export function createBackgroundSync(deps: BackgroundSyncDeps): SyncControls & { wake(): Promise<void> } {
  let service: SyncService | undefined;
  let poll: ReturnType<typeof setTimeout> | undefined;

  const keepPolling = () => {
    clearTimeout(poll);
    if (!service?.isOn()) return;
    poll = setTimeout(() => void service?.syncNow().then(keepPolling), POLL_MS);
  };

  const publish = (status: SyncStatus) => {
    void syncStatus.setValue(status);
  };

  function ensureService(): SyncService {
    service ??= createSyncService({
      database: deps.database,
      onStatus: publish,
      onPagesChanged: deps.onPagesChanged,
    });
    return service;
  }

  Dexie.on('storagemutated', (parts) => {
    if (!service?.isOn()) return;
    if (Object.keys(parts).some((part) => part.startsWith(`idb://${deps.database.name}/annotations`)))
      service.changed();
  });
  deps.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void wake();
  });

  async function wake(): Promise<void> {
    if (service?.isOn()) {
      await service.syncNow();
      keepPolling();
      return;
    }
    const stored = await syncStatus.getValue();
    if (stored.state === 'off') return;
    await ensureService().resume();
    keepPolling();
  }

  return {
    wake,
    // Answers once the passphrase opened the folder; the first pass, which may take a while
    // for years of annotations, goes on after that and reports through the status.
    async turnOn(server, passphrase) {
      const status = await ensureService().join(server, passphrase);
      await deps.alarms.create(ALARM, { periodInMinutes: ALARM_MINUTES });
      void ensureService().syncNow().then(keepPolling);
      return status;
    },
    async turnOff() {
      clearTimeout(poll);
      await deps.alarms.clear(ALARM);
      // Also after a restart that has not woken the service yet: the stored key goes either way.
      return ensureService().turnOff();
    },
    async syncNow() {
      if (!service?.isOn()) await wake();
      return service?.syncNow() ?? SYNC_OFF;
    },
    changed() {
      service?.changed();
    },
  };
}
