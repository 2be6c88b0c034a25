/**
 * Reader preferences, kept in extension storage (never the page's localStorage, which page
 * scripts can read). Versioned items so that later shapes can migrate. The boot script
 * reads `highlightsVisible` and `disabledSites` without this module (lib/boot/runtime.ts):
 * their storage keys and shapes are shared with it and must change together.
 */
import { storage } from 'wxt/utils/storage';
import { setSyncJournal } from '../db/sync-journal';
import { SYNC_OFF, SYNC_STATUS_KEY, type SyncStatus } from '../sync/status';
import type { HighlightColor } from '../types';
import { track } from './follow';
import type { ColorLabels } from './labels';
import { withSite } from './sites';

/** The colour new highlights get; the toolbar's colour choice changes it too. */
export const currentColor = storage.defineItem<HighlightColor>('local:currentColor', {
  fallback: 'yellow',
  version: 1,
});

export const highlightsVisible = storage.defineItem<boolean>('local:highlightsVisible', {
  fallback: true,
  version: 1,
});

/** The reader's names for the colours (lib/settings/labels.ts). */
export const colorLabels = storage.defineItem<ColorLabels>('local:colorLabels', {
  fallback: {},
  version: 1,
});

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** Light, dark, or whatever the system prefers (`prefers-color-scheme`). */
export const theme = storage.defineItem<Theme>('local:theme', { fallback: 'system', version: 1 });

/** Notes shown beside their passage in the page margin; off, each gets the small ✎ marker. */
export const marginNotes = storage.defineItem<boolean>('local:marginNotes', {
  fallback: true,
  version: 1,
});

/** Host names where Gloss does nothing at all (lib/settings/sites.ts). */
export const disabledSites = storage.defineItem<string[]>('local:disabledSites', {
  fallback: [],
  version: 1,
});

/** Turns Gloss off (`off`) or back on for `site`; every open page of that site follows at once. */
export async function setSiteOff(site: string, off: boolean): Promise<void> {
  await disabledSites.setValue(withSite(await disabledSites.getValue(), site, off));
}

/** Sync's state as the background last wrote it (lib/sync/status.ts); views only read it. */
export const syncStatus = storage.defineItem<SyncStatus>(SYNC_STATUS_KEY, { fallback: SYNC_OFF, version: 1 });

/**
 * Keeps this context's sync journal (lib/db/sync-journal.ts) on while sync is on, off while
 * it is off. Every context that writes annotations calls it once.
 */
export function followSyncJournal(): () => void {
  return track(syncStatus, (status) => setSyncJournal(status.state !== 'off')).stop;
}
