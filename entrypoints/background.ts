import { createBadge, followTabs, toolbarButton } from '@/lib/background/badge';
import { createFrameTickets } from '@/lib/background/frame-tickets';
import { createBackgroundHandlers } from '@/lib/background/handlers';
import { createMenus, listenForMenusAndCommands } from '@/lib/background/menus';
import { notifyPage, notifyPages } from '@/lib/background/notify';
import { createBackgroundSync } from '@/lib/background/sync';
import { countPage, getDatabase } from '@/lib/db';
import { HIGHLIGHT_CSS } from '@/lib/highlight/styles';
import { BackgroundRequestSchema, listen } from '@/lib/messaging';
import { followSyncJournal } from '@/lib/settings';

export default defineBackground(() => {
  const tickets = createFrameTickets(browser.storage.session, () => crypto.randomUUID());
  browser.tabs.onRemoved.addListener((tabId) => void tickets.closeTab(tabId));
  followSyncJournal();
  const database = getDatabase();
  const badge = createBadge({
    button: toolbarButton(browser),
    count: (key) => countPage(database, key),
    tabs: () => browser.tabs.query({}),
    tab: (tabId) => browser.tabs.get(tabId),
  });
  void badge.paint();
  followTabs(badge, browser.tabs);
  browser.runtime.onStartup.addListener(() => void badge.refreshAll());
  const sync = createBackgroundSync({
    database,
    alarms: browser.alarms,
    onPagesChanged: (keys) => {
      void notifyPages(keys);
      void badge.refreshPages(keys);
    },
  });
  void sync.wake();
  const handlers = createBackgroundHandlers({
    sync,
    tickets,
    database,
    runtimeId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    notifyPage: (key) => {
      void notifyPage(key);
      void badge.refreshPages([key]);
    },
    notifyPages: (keys) => {
      void notifyPages(keys);
      void badge.refreshPages(keys);
    },
    injectAnnotator: async (tabId, frameId) => {
      const target = { tabId, frameIds: [frameId] };
      // User origin: beats page CSS, `!important` included, and no page CSP blocks it.
      await browser.scripting.insertCSS({ target, css: HIGHLIGHT_CSS, origin: 'USER' });
      await browser.scripting.executeScript({
        target,
        files: ['/content-scripts/annotator.js'],
      });
    },
  });
  listen(BackgroundRequestSchema, handlers, (sender) => sender.id === browser.runtime.id);
  browser.runtime.onInstalled.addListener(() => {
    createMenus();
    void badge.refreshAll();
  });
  listenForMenusAndCommands();
});
