/**
 * The keyboard shortcuts, for the settings page: the browser's commands as the reader has
 * set them (`commands.getAll()`), the keys Gloss handles in the page itself, and where each
 * browser lets the reader change the former. Takes the API in so that tests hand in their own.
 */

export interface Shortcut {
  description: string;
  /** The keys in force; empty when the reader (or a clash) left the command without one. */
  keys: string;
}

/** What this module needs of `browser`. */
export interface ShortcutApi {
  commands?: {
    getAll(): Promise<{ name?: string; description?: string; shortcut?: string }[]>;
    /** Firefox only: opens about:addons at "Manage Extension Shortcuts". */
    openShortcutSettings?: () => Promise<void>;
  };
  tabs: { create(options: { url: string }): Promise<unknown> };
}

/** Keys the annotator handles itself on a page; not configurable, listed so they can be found. */
export const PAGE_KEYS: Shortcut[] = [
  { description: 'Highlight the selected text', keys: 'H' },
  { description: 'Highlight the selected text and write a note', keys: 'N' },
  { description: 'Save the note being written', keys: 'Ctrl+Enter (⌘+Enter on macOS)' },
  { description: 'Close the toolbar or the note card', keys: 'Escape' },
];

/** The extension's own commands (not the browser's "open the popup" entry), in manifest order. */
export async function readShortcuts(api: ShortcutApi): Promise<Shortcut[]> {
  const commands = (await api.commands?.getAll().catch(() => [])) ?? [];
  return commands
    .filter((command) => command.name && !command.name.startsWith('_'))
    .map((command) => ({
      description: command.description || command.name || '',
      keys: command.shortcut ?? '',
    }));
}

export const CHROMIUM_SHORTCUTS_URL = 'chrome://extensions/shortcuts';

/** Where the reader changes the shortcuts, in words for this browser. */
export function shortcutsPlace(firefox: boolean): string {
  return firefox
    ? 'In Firefox: about:addons, the gear menu, then “Manage Extension Shortcuts”.'
    : `In Chrome, Chromium and Edge: ${CHROMIUM_SHORTCUTS_URL}.`;
}

/** Opens the browser's shortcut settings (extension pages may open chrome:// pages; Firefox has its own call). */
export async function openShortcutSettings(api: ShortcutApi, firefox: boolean): Promise<void> {
  if (firefox) {
    if (!api.commands?.openShortcutSettings) throw new Error('Open about:addons and use its gear menu.');
    await api.commands.openShortcutSettings();
    return;
  }
  await api.tabs.create({ url: CHROMIUM_SHORTCUTS_URL });
}
