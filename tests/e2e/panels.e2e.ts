import { describe, expect, it } from 'vitest';
import {
  drawnHighlights,
  extensionPage,
  marginTexts,
  openArticle,
  runMenuAction,
  selectByMouse,
  tabIdOf,
  waitForDrawn,
  waitForSaved,
  withExtensionBrowser,
} from './harness';
import { uniquePage } from './shared/server';

const browser = withExtensionBrowser();

/** A test page under a page key of the calling test's own. */
const testPage = (path: string) => uniquePage(browser.url, path);

describe('selections across lists and tables, by mouse and keyboard', () => {
  it('highlights across list items and a link, and across table cells', async () => {
    const page = await openArticle(browser.session.context, testPage('structures.html'));
    await selectByMouse(page, 'northern bank', 'Willows lean over the deep');
    await page.keyboard.press('h');
    await waitForDrawn(page, 1);
    await selectByMouse(page, 'twice at dawn', 'Kingfisher');
    await page.keyboard.press('h');
    await expect
      .poll(async () => Object.values(await drawnHighlights(page)).sort())
      .toEqual(['northern bank of the creek.Willows lean over the deep', 'twice at dawnKingfisher']);
    // Page CSS that flattens <mark>/<span> does not reach Gloss's highlights.
    const background = await page
      .locator('mark[data-annotation-id]')
      .first()
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
    await page.close();
  });

  it('highlights a keyboard selection (Shift+arrows) with h, and ignores h typed in a field', async () => {
    const page = await openArticle(browser.session.context, testPage('structures.html'));
    await page.locator('p', { hasText: 'The last paragraph' }).dblclick({ position: { x: 5, y: 8 } });
    for (let i = 0; i < 2; i++) await page.keyboard.press('Control+Shift+ArrowRight');
    await page.keyboard.press('h');
    await expect.poll(async () => Object.values(await drawnHighlights(page))).toContain('The last paragraph');
    const before = Object.keys(await drawnHighlights(page)).length;
    await page.locator('#search').click();
    await page.keyboard.type('heron');
    await page.keyboard.press('n');
    expect(await page.locator('#search').inputValue()).toBe('heronn');
    expect(Object.keys(await drawnHighlights(page))).toHaveLength(before);
    await page.close();
  });
});

describe('overlaps and the context menu', () => {
  it('draws a highlight inside another so that both stay visible with their own ids', async () => {
    const page = await openArticle(browser.session.context, testPage('structures.html'));
    await selectByMouse(page, 'Reeds crowd', 'at the mouth');
    await page.keyboard.press('h');
    await waitForDrawn(page, 1);
    await selectByMouse(page, 'crowd the', 'shallows');
    const tabId = await tabIdOf(browser.session, page);
    await runMenuAction(browser.session, tabId, 'highlight');
    await expect
      .poll(
        async () => Object.values(await drawnHighlights(page)).filter((t) => t.includes('shallows')).length,
      )
      .toBe(2);
    const inner = page.locator('mark[data-annotation-id] mark[data-annotation-id]');
    expect(await inner.textContent()).toBe('crowd the shallows');
    const outerId = await page
      .locator('mark[data-annotation-id]', { hasText: 'Reeds' })
      .first()
      .getAttribute('data-annotation-id');
    expect(await inner.getAttribute('data-annotation-id')).not.toBe(outerId);
    await page.close();
  });
});

describe('popup and side panel', () => {
  it('lists this page, scrolls to a highlight, edits and deletes from the side panel', async () => {
    const page = await openArticle(browser.session.context, testPage('article.html'));
    await selectByMouse(page, 'Sophisticated attacks', 'trained fighters');
    await page.keyboard.press('h');
    await waitForDrawn(page, 1);
    await selectByMouse(page, 'Helpfully, ISIS', 'described for us');
    await page.keyboard.press('h');
    await waitForDrawn(page, 2);
    await waitForSaved(browser.session, page);
    const tabId = await tabIdOf(browser.session, page);

    const popup = await browser.session.context.newPage();
    await popup.goto(extensionPage(browser.session, `popup.html?tabId=${tabId}`));
    await expect.poll(() => popup.locator('header .count').textContent()).toBe('2 on this page');
    // Newest first in the popup.
    expect(await popup.locator('.item .quote').first().textContent()).toContain('Helpfully');
    const shown = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('mark[data-annotation-id]')].map(
          (el) => getComputedStyle(el).backgroundColor !== 'rgba(0, 0, 0, 0)',
        ),
      );
    await popup.getByRole('switch').uncheck();
    await expect.poll(shown).toEqual([false, false]);
    await popup.getByRole('switch').check();
    await expect.poll(shown).toEqual([true, true]);
    await popup.close();

    const panel = await browser.session.context.newPage();
    await panel.goto(extensionPage(browser.session, `sidepanel.html?tabId=${tabId}`));
    const quotes = panel.locator('.item .quote');
    await expect.poll(() => quotes.count()).toBe(2);
    // Document order in the side panel.
    await expect.poll(() => quotes.first().textContent()).toContain('Helpfully');
    await page.evaluate(() => window.scrollTo(0, 0));
    await quotes.nth(1).click();
    await expect
      .poll(() => page.evaluate(() => document.querySelector('.gloss-hl-flash')?.textContent ?? ''))
      .toContain('Sophisticated');
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);

    await panel.locator('.item').nth(1).getByRole('button', { name: 'Add note' }).click();
    await panel.getByRole('textbox', { name: 'Note' }).fill('Training *matters*.');
    await panel.keyboard.press('Control+Enter');
    await expect.poll(async () => (await marginTexts(page)).join('|')).toBe('Training matters.');

    await panel.locator('.item').first().getByRole('button', { name: 'Delete' }).click();
    await expect
      .poll(async () => Object.values(await drawnHighlights(page)))
      .toEqual(['Sophisticated attacks outside ISIS-controlled territory require trained fighters']);
    await panel.close();
    await page.close();
  });
});
