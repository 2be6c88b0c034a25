import { createFrameTickets } from '@/lib/background/frame-tickets';
import { createBackgroundHandlers } from '@/lib/background/handlers';
import { createMenus, listenForMenusAndCommands } from '@/lib/background/menus';
import { notifyPage, notifyPages } from '@/lib/background/notify';
import { getDatabase } from '@/lib/db';
import { HIGHLIGHT_CSS } from '@/lib/highlight/styles';
import { BackgroundRequestSchema, listen } from '@/lib/messaging';

export default defineBackground(() => {
  const tickets = createFrameTickets(browser.storage.session, () => crypto.randomUUID());
  browser.tabs.onRemoved.addListener((tabId) => void tickets.closeTab(tabId));
  const handlers = createBackgroundHandlers({
    tickets,
    database: getDatabase(),
    runtimeId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    notifyPage: (key) => void notifyPage(key),
    notifyPages: (keys) => void notifyPages(keys),
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
  browser.runtime.onInstalled.addListener(createMenus);
  listenForMenusAndCommands();
});
