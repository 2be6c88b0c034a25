/**
 * The toolbar badge in Firefox's MV2 build, where the button is `browserAction` (there is no
 * `action`): read from one of Gloss's pages opened in a tab of its own.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import {
  openArticle,
  openExtensionPage,
  selectByMouse,
  uniquePage,
  waitForHighlights,
  withFirefox,
  writeNote,
} from './harness';

// What the test calls inside the extension page.
declare const browser: {
  tabs: { query(filter: object): Promise<{ id?: number; url?: string }[]> };
  browserAction: { getBadgeText(details: { tabId: number }): Promise<string> };
  action?: unknown;
};

const firefox = withFirefox();

/** The badge of the tab showing `url`, and whether an `action` API exists, asked in `gloss`. */
function badgeOf(gloss: Page, url: string): Promise<{ text: string; hasAction: boolean }> {
  return gloss.evaluate(async (u) => {
    const tab = (await browser.tabs.query({})).find((t) => t.url === u);
    if (tab?.id === undefined) throw new Error(`no tab for ${u}`);
    return {
      text: await browser.browserAction.getBadgeText({ tabId: tab.id }),
      hasAction: 'action' in browser,
    };
  }, url);
}

describe('the toolbar badge in Firefox', () => {
  it('counts this page’s annotations through browserAction', async () => {
    const url = uniquePage(firefox.url, 'article.html');
    const page = await openArticle(firefox.session, url);
    await writeNote(page, 'prophesized to be held', 'necessary to achieve', 'A note.');
    const gloss = await openExtensionPage(firefox.session, page, 'options.html');
    await expect
      .poll(() => badgeOf(gloss, url), { timeout: 15_000 })
      .toEqual({ text: '1', hasAction: false });
    await page.bringToFront();
    await selectByMouse(page, 'Jessica Stern', 'on-line magazine', true);
    await page.keyboard.press('h');
    await waitForHighlights(page, 2);
    await expect.poll(async () => (await badgeOf(gloss, url)).text, { timeout: 15_000 }).toBe('2');
    await Promise.all([gloss.close(), page.close()]);
  });
});
