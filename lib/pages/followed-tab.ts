/**
 * The tab a side panel is about: the active tab of the panel's own window, followed as the
 * reader switches tabs there and as that tab's address changes (a reload, a link, or a
 * single-page navigation through history.pushState, which Chromium and Firefox report as
 * a URL change too). With `?tabId=N` (the panel opened as a tab of its own, as tests do)
 * it follows that one tab only.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { pageKey } from '../page-key';

export interface FollowedTab {
  id?: number;
  url?: string;
  title?: string;
  /** The page key of `url` ('' for no page). */
  key: string;
}

interface TabLike {
  id?: number;
  url?: string;
  title?: string;
  windowId?: number;
}

interface TabChange {
  url?: string;
  title?: string;
  status?: string;
}

/** Whether a tab activated in `windowId` is one this panel follows. */
export function followsActivation(
  pinned: number | undefined,
  ownWindow: number | undefined,
  windowId: number,
) {
  return pinned === undefined && ownWindow !== undefined && windowId === ownWindow;
}

/** Whether an update to tab `tabId` changes what the panel shows of the tab it follows. */
export function changesFollowed(followed: number | undefined, tabId: number, change: TabChange): boolean {
  if (followed === undefined || tabId !== followed) return false;
  return change.url !== undefined || change.title !== undefined || change.status === 'complete';
}

export function describeTab(tab: TabLike | undefined): FollowedTab {
  return { id: tab?.id, url: tab?.url, title: tab?.title, key: tab?.url ? pageKey(tab.url) : '' };
}

/** Undefined until the tab is known. */
export function useFollowedTab(): FollowedTab | undefined {
  const [tab, setTab] = useState<FollowedTab>();
  useEffect(() => {
    const pinned = Number(new URLSearchParams(location.search).get('tabId')) || undefined;
    let alive = true;
    let ownWindow: number | undefined;
    let followed: number | undefined;
    // Answers can come back out of order (two quick switches): only the latest ask counts.
    let asked = 0;
    const show = (read: Promise<TabLike | undefined>) => {
      const ask = ++asked;
      void read.then(
        (found) => {
          if (!alive || ask !== asked) return;
          followed = found?.id;
          setTab((previous) => {
            const next = describeTab(found);
            const same =
              previous?.id === next.id &&
              previous?.url === next.url &&
              previous?.title === next.title &&
              previous?.key === next.key;
            return same ? previous : next;
          });
        },
        () => alive && ask === asked && setTab(describeTab(undefined)),
      );
    };

    const activated = ({ tabId, windowId }: { tabId: number; windowId: number }) => {
      if (followsActivation(pinned, ownWindow, windowId)) show(browser.tabs.get(tabId));
    };
    const updated = (tabId: number, change: TabChange, found: TabLike) => {
      if (changesFollowed(followed, tabId, change)) show(Promise.resolve(found));
    };
    browser.tabs.onActivated.addListener(activated);
    browser.tabs.onUpdated.addListener(updated);

    if (pinned !== undefined) show(browser.tabs.get(pinned));
    else
      show(
        browser.windows.getCurrent().then(async (win) => {
          ownWindow = win.id;
          const [active] = await browser.tabs.query({ active: true, windowId: win.id });
          return active;
        }),
      );
    return () => {
      alive = false;
      browser.tabs.onActivated.removeListener(activated);
      browser.tabs.onUpdated.removeListener(updated);
    };
  }, []);
  return tab;
}
