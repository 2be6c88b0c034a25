/**
 * The page context menu and the keyboard commands: both forward to the tab's content
 * script, which holds the selection. Menus are recreated on install because Chromium keeps
 * them across service-worker restarts but not across updates.
 */
import { browser } from 'wxt/browser';
import { sendToTab } from '../messaging';

const MENU_ACTIONS = { 'gloss-highlight': 'highlight', 'gloss-note': 'note' } as const;
const COMMAND_ACTIONS: Record<string, 'highlight' | 'note'> = {
  'highlight-selection': 'highlight',
  'annotate-selection': 'note',
};

export function createMenus(): void {
  browser.contextMenus.removeAll().then(() => {
    browser.contextMenus.create({
      id: 'gloss-highlight',
      title: 'Highlight with Gloss',
      contexts: ['selection'],
    });
    browser.contextMenus.create({
      id: 'gloss-note',
      title: 'Highlight and add a note',
      contexts: ['selection'],
    });
  });
}

export function listenForMenusAndCommands(): void {
  browser.contextMenus.onClicked.addListener((info, tab) => {
    const action = MENU_ACTIONS[info.menuItemId as keyof typeof MENU_ACTIONS];
    if (action && tab?.id !== undefined)
      void sendToTab(tab.id, { type: 'runAction', action }).catch(() => false);
  });
  // The fake browser of unit tests has no `commands`; real browsers always do.
  browser.commands?.onCommand.addListener(async (command) => {
    const action = COMMAND_ACTIONS[command];
    if (!action) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await sendToTab(tab.id, { type: 'runAction', action }).catch(() => false);
  });
}
