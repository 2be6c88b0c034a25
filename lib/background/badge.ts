/**
 * The toolbar button's badge: how many annotations the tab's page has, empty at none. Each
 * tab has its own text, set again whenever the tab shows a new page (the browser clears a
 * tab's badge on navigation), comes to the front, or its page's annotations change.
 *
 * Everything it touches comes in as `deps`, so tests hand in fakes.
 */
import { isAnnotatablePage, pageKey } from '../page-key';

/** Gloss's highlighter yellow behind dark figures: legible on light and dark toolbars. */
export const BADGE_BACKGROUND = '#ffd43b';
export const BADGE_TEXT = '#1f2347';

/**
 * What the badge needs of `action` (Chromium, MV3) or `browserAction` (Firefox, MV2; typed
 * after Chromium's MV2 API, which answers through callbacks, hence `void`).
 */
export interface BadgeButton {
  setBadgeText(details: { tabId: number; text: string }): Promise<void> | void;
  setBadgeBackgroundColor(details: { color: string }): Promise<void> | void;
  /** Chromium 110+, Firefox 63+. */
  setBadgeTextColor?(details: { color: string }): Promise<void> | void;
}

export interface BadgeTab {
  id?: number;
  url?: string;
}

export interface BadgeDeps {
  button: BadgeButton;
  /** How many annotations are stored under a page key. */
  count(pageKey: string): Promise<number>;
  /** Every open tab. */
  tabs(): Promise<BadgeTab[]>;
  /** The tab with this id (rejects when it is gone). */
  tab(tabId: number): Promise<BadgeTab>;
}

export interface Badge {
  /** Sets the badge's colours once. */
  paint(): Promise<void>;
  /** Shows the count for the page at `url` on tab `tabId`. */
  showTab(tabId: number, url: string | undefined): Promise<void>;
  /** Looks the tab up, then shows its count. */
  refreshTab(tabId: number): Promise<void>;
  /** Every tab showing one of these pages (after a write to them). */
  refreshPages(keys: Iterable<string>): Promise<void>;
  /** Every tab (after install or browser start). */
  refreshAll(): Promise<void>;
}

/** The badge's text for a count: nothing at none, and at most four characters. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}

/** The toolbar button of this build: `action` in MV3, `browserAction` in Firefox's MV2. */
export function toolbarButton(api: { action?: BadgeButton; browserAction?: BadgeButton }): BadgeButton {
  const button = api.action ?? api.browserAction;
  if (!button) throw new Error('no toolbar button API');
  return button;
}

/** Runs a call to the browser whose failure changes nothing worth knowing (a tab that closed). */
async function quietly(call: () => Promise<void> | void): Promise<void> {
  try {
    await call();
  } catch {
    // Nothing to do: the next event sets the badge again.
  }
}

export function createBadge(deps: BadgeDeps): Badge {
  // Counts of one tab can resolve out of order (a read started before a write may answer
  // after one started after it): only the newest request for a tab sets its text.
  const latest = new Map<number, number>();
  let requests = 0;

  async function showTab(tabId: number, url: string | undefined): Promise<void> {
    const request = ++requests;
    latest.set(tabId, request);
    let text = '';
    try {
      if (isAnnotatablePage(url)) text = badgeText(await deps.count(pageKey(url)));
    } catch {
      // The database could not answer: an empty badge rather than a stale number.
    }
    if (latest.get(tabId) !== request) return;
    latest.delete(tabId);
    // The tab may have closed meanwhile.
    await quietly(() => deps.button.setBadgeText({ tabId, text }));
  }

  async function showTabs(tabs: BadgeTab[]): Promise<void> {
    await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : showTab(tab.id, tab.url))));
  }

  return {
    async paint() {
      const { button } = deps;
      await quietly(() => button.setBadgeBackgroundColor({ color: BADGE_BACKGROUND }));
      await quietly(() => button.setBadgeTextColor?.({ color: BADGE_TEXT }));
    },
    showTab,
    async refreshTab(tabId) {
      const tab = await deps.tab(tabId).catch(() => undefined);
      if (tab) await showTab(tabId, tab.url);
    },
    async refreshPages(keys) {
      const wanted = new Set(keys);
      if (wanted.size === 0) return;
      const tabs = await deps.tabs();
      await showTabs(tabs.filter((tab) => tab.url !== undefined && wanted.has(pageKey(tab.url))));
    },
    async refreshAll() {
      await showTabs(await deps.tabs());
    },
  };
}

/** The tab events the badge follows (`browser.tabs` in the background). */
export interface BadgeTabEvents {
  onUpdated: {
    addListener(
      listener: (tabId: number, change: { url?: string; status?: string }, tab: BadgeTab) => void,
    ): void;
  };
  onActivated: { addListener(listener: (info: { tabId: number }) => void): void };
}

/**
 * Sets a tab's badge when it shows a new page (its URL changed, a single-page navigation
 * included, or it finished loading) and when it comes to the front.
 */
export function followTabs(badge: Badge, events: BadgeTabEvents): void {
  events.onUpdated.addListener((tabId, change, tab) => {
    if (change.url !== undefined || change.status === 'complete') void badge.showTab(tabId, tab.url);
  });
  events.onActivated.addListener(({ tabId }) => void badge.refreshTab(tabId));
}
