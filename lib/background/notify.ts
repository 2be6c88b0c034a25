/** Tells every tab that shows a page that its annotations changed. */
import { browser } from 'wxt/browser';
import { sendToTab } from '../messaging';
import { pageKey } from '../page-key';

export function notifyPage(key: string): Promise<void> {
  return notifyPages([key]);
}

/** One notice per tab showing any of `keys` (an import can touch thousands of pages at once). */
export async function notifyPages(keys: Iterable<string>): Promise<void> {
  const wanted = new Set(keys);
  if (wanted.size === 0) return;
  // Extension frames inside pages (note cards, margin notes) hear it through the runtime.
  void browser.runtime.sendMessage({ type: 'annotationsChanged' }).catch(() => undefined);
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs
      .filter((tab) => tab.id !== undefined && tab.url && wanted.has(pageKey(tab.url)))
      // A tab without a content script (still loading, or a restricted page) just misses the notice.
      .map((tab) => sendToTab(tab.id as number, { type: 'annotationsChanged' }).catch(() => false)),
  );
}
