/** Tells every tab that shows a page that its annotations changed. */
import { browser } from 'wxt/browser';
import { sendToTab } from '../messaging';
import { pageKey } from '../page-key';

export async function notifyPage(key: string): Promise<void> {
  // Extension frames inside pages (note cards, margin notes) hear it through the runtime.
  void browser.runtime.sendMessage({ type: 'annotationsChanged' }).catch(() => undefined);
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs
      .filter((tab) => tab.id !== undefined && tab.url && pageKey(tab.url) === key)
      // A tab without a content script (still loading, or a restricted page) just misses the notice.
      .map((tab) => sendToTab(tab.id as number, { type: 'annotationsChanged' }).catch(() => false)),
  );
}
