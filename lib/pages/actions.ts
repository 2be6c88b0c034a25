/**
 * Tabs as the extension pages (popup, side panel, library) reach them: the tab a view is
 * about, the side panel and the library. Writes to annotations go through lib/pages/undo.ts.
 */
import { browser } from 'wxt/browser';
import { sendToTab } from '../messaging';

export async function activeTab() {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

/**
 * The tab a popup or panel is about: `?tabId=N` pins it (when the page is opened as a tab of
 * its own, e.g. by tests), otherwise the active tab of the current window.
 */
export async function targetTab() {
  const pinned = Number(new URLSearchParams(location.search).get('tabId')) || undefined;
  return pinned ? browser.tabs.get(pinned) : activeTab();
}

/**
 * Opens the side panel (Chromium) or sidebar (Firefox). Both browsers accept this only
 * during the click that asks for it, so it must be called synchronously from the handler,
 * with the window id already known (nothing may be awaited first).
 */
export function openSidePanel(windowId: number | undefined): Promise<void> {
  const chromeLike = browser as unknown as { sidePanel?: { open(o: { windowId: number }): Promise<void> } };
  const firefoxLike = browser as unknown as { sidebarAction?: { open(): Promise<void> } };
  if (chromeLike.sidePanel && windowId !== undefined) return chromeLike.sidePanel.open({ windowId });
  return firefoxLike.sidebarAction?.open() ?? Promise.reject(new Error('This browser has no side panel.'));
}

export async function openLibrary(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL('/library.html' as '/note-editor.html') });
}

/** Asks a tab's content script something; undefined when the tab has none (e.g. chrome:// pages). */
export async function askTab<T>(
  tabId: number | undefined,
  ask: (id: number) => Promise<T>,
): Promise<T | undefined> {
  if (tabId === undefined) return undefined;
  try {
    return await ask(tabId);
  } catch {
    return undefined;
  }
}

export { sendToTab };
