import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pageKey } from '../../lib/page-key';
import {
  drawnHighlights,
  extensionPage,
  openArticle,
  selectByMouse,
  tabIdOf,
  waitForDrawn,
  waitForSaved,
  withExtensionBrowser,
} from './harness';
import { uniquePage } from './shared/server';

const browser = withExtensionBrowser();

const ORPHANS_FILTER = /Only passages not found on their page \((\d+)\)/;

/** The library, once it has listed what is stored. */
async function openLibrary(): Promise<Page> {
  const library = await browser.session.context.newPage();
  await library.goto(extensionPage(browser.session, 'library.html'));
  await library.getByText(/ of \d+ annotations?$/).waitFor();
  return library;
}

/** How many passages the library's filter counts as not found on their page. */
async function orphanCount(library: Page): Promise<number> {
  const label =
    (await library.getByLabel(ORPHANS_FILTER).evaluate((el) => el.parentElement?.textContent)) ?? '';
  return Number(ORPHANS_FILTER.exec(label)?.[1]);
}

describe('a page revised between visits', () => {
  it('marks changed text, lists orphans, and lets the reader accept or re-attach', async () => {
    const page = await openArticle(browser.session.context, uniquePage(browser.url, 'revised.html'));
    await selectByMouse(page, 'crossed the river', 'each morning');
    await page.keyboard.press('h');
    await waitForDrawn(page, 1);
    await selectByMouse(page, 'ice formed', 'northern shore');
    await page.keyboard.press('h');
    await waitForDrawn(page, 2);
    await waitForSaved(browser.session, page);
    const before = await openLibrary();
    // Passages other tests left unfound; this test adds one.
    const orphansBefore = await orphanCount(before);
    await before.close();

    // The edition is the origin's (localStorage), so the test puts the first one back at its end.
    await page.evaluate(() => localStorage.setItem('edition', '2'));
    await page.reload();
    // The changed passage is found again where it was; the deleted one is drawn nowhere.
    await expect
      .poll(async () => Object.values(await drawnHighlights(page)))
      .toEqual(['crossed the river three times each morning']);

    const panel = await browser.session.context.newPage();
    await panel.goto(
      extensionPage(browser.session, `sidepanel.html?tabId=${await tabIdOf(browser.session, page)}`),
    );
    const changed = panel.locator('.item', { hasText: 'Text changed' });
    const orphan = panel.locator('.item', { hasText: 'Not found on page' });
    await expect.poll(() => changed.count()).toBe(1);
    await expect.poll(() => orphan.count()).toBe(1);
    expect(await orphan.locator('.changed').textContent()).toContain(
      'crossing stopped whenever ice formed along the northern shore of the bay',
    );
    expect(await changed.locator('.changed').textContent()).toBe(
      'Now reads: crossed the river three times each morning',
    );

    // The library lists the orphan too, with a filter for all such passages.
    const library = await openLibrary();
    await library.getByLabel(`Only passages not found on their page (${orphansBefore + 1})`).check();
    await expect.poll(() => library.locator('.item').count()).toBe(orphansBefore + 1);
    // This page's group lists its orphan alone, not the passage that was found again.
    const group = library.locator(`.row[data-group="${pageKey(page.url())}"]`);
    await expect.poll(() => group.locator('.item').count()).toBe(1);
    expect(await group.locator('.item').textContent()).toContain('Not found on page');
    await library.close();

    await changed.getByRole('button', { name: 'Accept new text' }).click();
    await expect.poll(() => panel.locator('.item', { hasText: 'Text changed' }).count()).toBe(0);
    expect(await panel.locator('.item .quote').first().textContent()).toBe(
      'crossed the river three times each morning',
    );

    // The reader selects in the article's tab, in front (the library and the panel were opened over it).
    await page.bringToFront();
    await selectByMouse(page, 'Nothing else', 'parish books');
    await orphan.getByRole('button', { name: 'Re-attach to selection' }).click();
    await expect.poll(() => panel.locator('.item', { hasText: 'Not found on page' }).count()).toBe(0);
    await expect
      .poll(async () => Object.values(await drawnHighlights(page)).sort())
      .toEqual([
        'Nothing else about the crossing is recorded in the parish books',
        'crossed the river three times each morning',
      ]);
    await page.evaluate(() => localStorage.removeItem('edition'));
    await panel.close();
    await page.close();
  });
});
