import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  cardFrame,
  openArticle,
  type Session,
  selectByMouse,
  tabIdOf,
  waitForDrawn,
  waitForSaved,
  withExtensionBrowser,
} from './harness';
import { uniquePage } from './shared/server';

// What the test reads inside the extension's service worker.
declare const chrome: {
  action: {
    getBadgeText(details: { tabId: number }): Promise<string>;
    getBadgeBackgroundColor(details: { tabId: number }): Promise<number[]>;
  };
  runtime: { getManifest(): { icons?: Record<string, string>; action?: { default_icon?: object } } };
};

const browser = withExtensionBrowser();

function worker(session: Session) {
  const found = session.context.serviceWorkers()[0];
  if (!found) throw new Error('no service worker');
  return found;
}

/** The toolbar button's badge text on the tab showing `page`. */
async function badgeOf(page: Page): Promise<string> {
  const tabId = await tabIdOf(browser.session, page);
  return worker(browser.session).evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

describe('the toolbar button', () => {
  it('has Gloss’s icons and a yellow badge', async () => {
    const manifest = await worker(browser.session).evaluate(() => chrome.runtime.getManifest());
    expect(Object.keys(manifest.icons ?? {})).toEqual(['16', '32', '48', '96', '128']);
    expect(manifest.action?.default_icon).toBeDefined();
    const page = await openArticle(browser.session.context, uniquePage(browser.url, 'article.html'));
    const tabId = await tabIdOf(browser.session, page);
    await expect
      .poll(() =>
        worker(browser.session).evaluate((id) => chrome.action.getBadgeBackgroundColor({ tabId: id }), tabId),
      )
      .toEqual([255, 212, 59, 255]);
    await page.close();
  });

  it('counts this page’s annotations per tab, and follows saves and deletes', async () => {
    const url = uniquePage(browser.url, 'article.html');
    const page = await openArticle(browser.session.context, url);
    await expect.poll(() => badgeOf(page)).toBe('');

    await selectByMouse(page, 'Jessica Stern', 'on-line magazine', true);
    await page.keyboard.press('h');
    await waitForDrawn(page, 1);
    await waitForSaved(browser.session, page);
    await expect.poll(() => badgeOf(page)).toBe('1');

    await selectByMouse(page, 'prophesized to be held', 'necessary to achieve');
    await page.keyboard.press('h');
    await waitForDrawn(page, 2);
    await expect.poll(() => badgeOf(page)).toBe('2');

    // The same page under another URL of its key, in a second tab; another page in a third.
    const again = await openArticle(browser.session.context, `${url}&utm_source=feed#top`);
    const other = await openArticle(browser.session.context, uniquePage(browser.url, 'article.html'));
    await expect.poll(() => badgeOf(again)).toBe('2');
    await expect.poll(() => badgeOf(other)).toBe('');

    // Deleting one in the first tab updates both tabs of the page, and not the other page.
    await page.bringToFront();
    await page.locator('mark[data-annotation-id]', { hasText: 'Jessica Stern' }).first().click();
    await (await cardFrame(page)).getByRole('button', { name: 'Delete' }).click();
    await waitForDrawn(page, 1);
    await expect.poll(() => badgeOf(page)).toBe('1');
    await expect.poll(() => badgeOf(again)).toBe('1');
    expect(await badgeOf(other)).toBe('');
    await Promise.all([page.close(), again.close(), other.close()]);
  });
});
