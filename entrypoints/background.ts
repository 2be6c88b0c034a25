import { createBackgroundHandlers } from '@/lib/background/handlers';
import { createMenus, listenForMenusAndCommands } from '@/lib/background/menus';
import { notifyPage, notifyPages } from '@/lib/background/notify';
import { getDatabase } from '@/lib/db';
import { BackgroundRequestSchema, listen } from '@/lib/messaging';

export default defineBackground(() => {
  const handlers = createBackgroundHandlers({
    database: getDatabase(),
    runtimeId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    notifyPage: (key) => void notifyPage(key),
    notifyPages: (keys) => void notifyPages(keys),
    injectAnnotator: async (tabId, frameId) => {
      await browser.scripting.executeScript({
        target: { tabId, frameIds: [frameId] },
        files: ['/content-scripts/annotator.js'],
      });
    },
  });
  listen(BackgroundRequestSchema, handlers, (sender) => sender.id === browser.runtime.id);
  browser.runtime.onInstalled.addListener(createMenus);
  listenForMenusAndCommands();
});
