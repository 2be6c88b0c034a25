/**
 * What the views show about sync. The background writes it to extension storage after every
 * pass; the options page, popup and side panel read it, and import nothing else of sync.
 * It never holds a note, a quote or the passphrase: only counts, times, the server address
 * and an error in words.
 */
import type { SyncErrorCode } from './errors';

export interface SyncStatus {
  state: 'off' | 'syncing' | 'synced' | 'waiting' | 'error';
  server?: string;
  /** ISO time of the last pass that reached the server. */
  lastSync?: string;
  /** Local changes not yet on the server. */
  waiting: number;
  error?: string;
  code?: SyncErrorCode;
  /** During a long pass: what it is doing, in words ("receiving 12 of 64 parts"). */
  progress?: string;
}

export const SYNC_STATUS_KEY = 'local:syncStatus' as const;
export const SYNC_OFF: SyncStatus = { state: 'off', waiting: 0 };

/** The short form the popup and side panel show. */
export function syncBadgeText(status: SyncStatus): string {
  switch (status.state) {
    case 'off':
      return '';
    case 'synced':
      return 'Synced';
    case 'syncing':
      return status.progress ? `Syncing: ${status.progress}` : 'Syncing…';
    case 'waiting':
      return `Waiting to sync (${status.waiting.toLocaleString('en-US')})`;
    case 'error':
      return `Sync error: ${status.error ?? 'unknown'}`;
  }
}

/** The options page's status line: state, last sync, what waits, and the error in words. */
export function syncStatusLine(status: SyncStatus, now = new Date()): string {
  if (status.state === 'off') return 'Sync is off.';
  const parts: string[] = [];
  if (status.state === 'error') parts.push(status.error ?? 'Sync failed.');
  else if (status.state === 'synced') parts.push('Synced');
  else if (status.state === 'syncing')
    parts.push(status.progress ? `Syncing: ${status.progress}` : 'Syncing…');
  else parts.push('Waiting to sync');
  parts.push(status.lastSync ? `last synced ${formatWhen(status.lastSync, now)}` : 'not synced yet');
  parts.push(
    status.waiting === 1 ? '1 change waiting to be sent' : `${status.waiting} changes waiting to be sent`,
  );
  return parts.join(' · ');
}

function formatWhen(iso: string, now: Date): string {
  const at = new Date(iso);
  const sameDay = at.toDateString() === now.toDateString();
  return sameDay
    ? `at ${at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' })}`
    : `on ${at.toLocaleString()}`;
}
