import { describe, expect, it, vi } from 'vitest';
import {
  CHROMIUM_SHORTCUTS_URL,
  openShortcutSettings,
  readShortcuts,
  type ShortcutApi,
  shortcutsPlace,
} from '@/lib/pages/shortcuts';

function api(commands: { name?: string; description?: string; shortcut?: string }[]) {
  const create = vi.fn(async (_options: { url: string }) => undefined);
  const openSettings = vi.fn(async () => undefined);
  const fake: ShortcutApi = {
    commands: { getAll: async () => commands, openShortcutSettings: openSettings },
    tabs: { create },
  };
  return { fake, create, openSettings };
}

describe('shortcuts', () => {
  it('reads the commands as set, without the browser’s own popup entry', async () => {
    const { fake } = api([
      { name: '_execute_action', shortcut: 'Ctrl+Shift+G' },
      { name: 'highlight-selection', description: 'Highlight the selected text', shortcut: 'Alt+Shift+H' },
      { name: 'annotate-selection', description: 'Highlight and write a note', shortcut: '' },
    ]);
    expect(await readShortcuts(fake)).toEqual([
      { description: 'Highlight the selected text', keys: 'Alt+Shift+H' },
      { description: 'Highlight and write a note', keys: '' },
    ]);
  });

  it('reads nothing where the browser has no commands API or it fails', async () => {
    expect(await readShortcuts({ tabs: { create: async () => undefined } })).toEqual([]);
    const failing: ShortcutApi = {
      commands: { getAll: () => Promise.reject(new Error('no')) },
      tabs: { create: async () => undefined },
    };
    expect(await readShortcuts(failing)).toEqual([]);
  });

  it('opens each browser’s own shortcut settings and says where they are', async () => {
    const { fake, create, openSettings } = api([]);
    await openShortcutSettings(fake, false);
    expect(create).toHaveBeenCalledWith({ url: CHROMIUM_SHORTCUTS_URL });
    await openShortcutSettings(fake, true);
    expect(openSettings).toHaveBeenCalled();
    await expect(openShortcutSettings({ tabs: { create } }, true)).rejects.toThrow(/about:addons/);
    expect(shortcutsPlace(true)).toContain('about:addons');
    expect(shortcutsPlace(false)).toContain(CHROMIUM_SHORTCUTS_URL);
  });
});
