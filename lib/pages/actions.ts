/**
 * What extension pages (popup, side panel, library) do to annotations and tabs. Writes go
 * through the background so that every tab showing the page redraws.
 */
import { browser } from 'wxt/browser';
import { sendToBackground, sendToTab } from '../messaging';
import type { HighlightColor } from '../types';

export const annotationActions = {
  save: (id: string, note: string, tags: string[]) =>
    sendToBackground({ type: 'updateAnnotation', id, changes: { note, tags } }).then(() => undefined),
  recolor: (id: string, color: HighlightColor) =>
    sendToBackground({ type: 'updateAnnotation', id, changes: { color } }).then(() => undefined),
  remove: (id: string) => sendToBackground({ type: 'deleteAnnotation', id }).then(() => undefined),
};

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

/** Opens the side panel (Chromium) or sidebar (Firefox); must run inside a click handler. */
export async function openSidePanel(): Promise<void> {
  const tab = await activeTab();
  const chromeLike = browser as unknown as { sidePanel?: { open(o: { windowId: number }): Promise<void> } };
  const firefoxLike = browser as unknown as { sidebarAction?: { open(): Promise<void> } };
  if (chromeLike.sidePanel && tab?.windowId !== undefined)
    await chromeLike.sidePanel.open({ windowId: tab.windowId });
  else await firefoxLike.sidebarAction?.open();
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
