import { describe, expect, it } from 'vitest';
import {
  BADGE_BACKGROUND,
  BADGE_TEXT,
  type BadgeButton,
  type BadgeTab,
  type BadgeTabEvents,
  badgeText,
  createBadge,
  followTabs,
  toolbarButton,
} from '@/lib/background/badge';

/** A toolbar button that records what it was told, and tabs and counts the test sets. */
function fakes(counts: Record<string, number>, tabs: BadgeTab[]) {
  const texts = new Map<number, string>();
  const calls: string[] = [];
  const button: BadgeButton = {
    setBadgeText: async ({ tabId, text }) => {
      if (!tabs.some((tab) => tab.id === tabId)) throw new Error(`No tab with id: ${tabId}`);
      texts.set(tabId, text);
      calls.push(`text ${tabId} "${text}"`);
    },
    setBadgeBackgroundColor: async ({ color }) => void calls.push(`background ${color}`),
    setBadgeTextColor: async ({ color }) => void calls.push(`colour ${color}`),
  };
  const badge = createBadge({
    button,
    count: async (key) => counts[key] ?? 0,
    tabs: async () => tabs,
    tab: async (tabId) => {
      const tab = tabs.find((t) => t.id === tabId);
      if (!tab) throw new Error(`No tab with id: ${tabId}`);
      return tab;
    },
  });
  return { badge, button, texts, calls };
}

describe('badgeText', () => {
  it('is empty at none and caps at four characters', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(1)).toBe('1');
    expect(badgeText(999)).toBe('999');
    expect(badgeText(1000)).toBe('999+');
  });
});

describe('toolbarButton', () => {
  it('takes action (MV3) and falls back to browserAction (Firefox MV2)', () => {
    const action = fakes({}, []).button;
    const browserAction = fakes({}, []).button;
    expect(toolbarButton({ action, browserAction })).toBe(action);
    expect(toolbarButton({ browserAction })).toBe(browserAction);
    expect(() => toolbarButton({})).toThrow();
  });
});

describe('the badge', () => {
  it('paints yellow with dark text, and without setBadgeTextColor still paints', async () => {
    const { badge, calls } = fakes({}, []);
    await badge.paint();
    expect(calls).toEqual([`background ${BADGE_BACKGROUND}`, `colour ${BADGE_TEXT}`]);
    const old = fakes({}, []);
    delete old.button.setBadgeTextColor;
    await old.badge.paint();
    expect(old.calls).toEqual([`background ${BADGE_BACKGROUND}`]);
  });

  it('shows the count of the page key, whatever the fragment and tracking parameters', async () => {
    const { badge, texts } = fakes({ 'https://a.org/post': 3 }, [{ id: 1 }]);
    await badge.showTab(1, 'https://a.org/post?utm_source=x#part-2');
    expect(texts.get(1)).toBe('3');
  });

  it('is empty on a page without annotations and on pages that cannot have any', async () => {
    const { badge, texts } = fakes({ 'chrome://extensions/': 5 }, [{ id: 1 }, { id: 2 }, { id: 3 }]);
    await badge.showTab(1, 'https://b.org/');
    await badge.showTab(2, 'chrome://extensions/');
    await badge.showTab(3, undefined);
    expect([...texts.values()]).toEqual(['', '', '']);
  });

  it('is empty, not stale, when the database cannot answer', async () => {
    const { button, texts } = fakes({}, [{ id: 1 }]);
    const badge = createBadge({
      button,
      count: async () => {
        throw new Error('database closed');
      },
      tabs: async () => [],
      tab: async () => ({}),
    });
    await badge.showTab(1, 'https://a.org/');
    expect(texts.get(1)).toBe('');
  });

  it('refreshes exactly the tabs that show a changed page', async () => {
    const counts: Record<string, number> = { 'https://a.org/': 1, 'https://b.org/': 2 };
    const tabs = [
      { id: 1, url: 'https://a.org/#x' },
      { id: 2, url: 'https://b.org/' },
      { id: 3, url: 'https://a.org/?fbclid=1' },
      { url: 'https://a.org/' },
    ];
    const { badge, calls } = fakes(counts, tabs);
    await badge.refreshPages(['https://a.org/']);
    expect(calls.sort()).toEqual(['text 1 "1"', 'text 3 "1"']);
    calls.length = 0;
    await badge.refreshPages([]);
    expect(calls).toEqual([]);
    await badge.refreshAll();
    expect(calls.sort()).toEqual(['text 1 "1"', 'text 2 "2"', 'text 3 "1"']);
  });

  it('lets the newest count of a tab win when counts answer out of order', async () => {
    const texts: string[] = [];
    const answers: ((n: number) => void)[] = [];
    const badge = createBadge({
      button: {
        setBadgeText: async ({ text }) => void texts.push(text),
        setBadgeBackgroundColor: async () => undefined,
      },
      count: () => new Promise<number>((resolve) => answers.push(resolve)),
      tabs: async () => [],
      tab: async () => ({}),
    });
    const before = badge.showTab(1, 'https://a.org/');
    const after = badge.showTab(1, 'https://a.org/');
    answers[1]?.(2); // read after the write
    await after;
    answers[0]?.(1); // read before it, answering late
    await before;
    expect(texts).toEqual(['2']);
  });

  it('ignores a tab that closed before its count arrived', async () => {
    const { badge, texts } = fakes({ 'https://a.org/': 1 }, []);
    await expect(badge.showTab(9, 'https://a.org/')).resolves.toBeUndefined();
    await expect(badge.refreshTab(9)).resolves.toBeUndefined();
    expect(texts.size).toBe(0);
  });
});

describe('followTabs', () => {
  function events() {
    const updated: Parameters<BadgeTabEvents['onUpdated']['addListener']>[0][] = [];
    const activated: Parameters<BadgeTabEvents['onActivated']['addListener']>[0][] = [];
    const tabEvents: BadgeTabEvents = {
      onUpdated: { addListener: (listener) => void updated.push(listener) },
      onActivated: { addListener: (listener) => void activated.push(listener) },
    };
    return { tabEvents, updated, activated };
  }

  it('sets the badge when a tab changes URL or finishes loading, and when it comes to the front', async () => {
    const tabs = [
      { id: 1, url: 'https://a.org/' },
      { id: 2, url: 'https://b.org/' },
    ];
    const { badge, calls } = fakes({ 'https://a.org/': 4, 'https://b.org/': 1 }, tabs);
    const { tabEvents, updated, activated } = events();
    followTabs(badge, tabEvents);
    const [onUpdated] = updated;
    const [onActivated] = activated;
    if (!onUpdated || !onActivated) throw new Error('no listeners');
    onUpdated(1, { status: 'loading' }, tabs[0] as BadgeTab);
    onUpdated(1, { title: 'x' } as { status?: string }, tabs[0] as BadgeTab);
    await new Promise((resolve) => setTimeout(resolve));
    expect(calls).toEqual([]);
    onUpdated(1, { url: 'https://a.org/' }, tabs[0] as BadgeTab);
    onUpdated(1, { status: 'complete' }, tabs[0] as BadgeTab);
    onActivated({ tabId: 2 });
    // The two requests for tab 1 overlap: the newer one sets it.
    await expect.poll(() => [...calls].sort()).toEqual(['text 1 "4"', 'text 2 "1"']);
  });
});
