/**
 * The side panel (issue 9): worked by keyboard alone with undo, tags with autocomplete, the
 * "Text changed" and "Not found on page" groups, following a single-page navigation and the
 * active tab of its own window, and an axe-core audit. The panel is opened as a tab of its
 * own (`sidepanel.html?tabId=N` pins the tab it is about; without it, it follows its window).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  drawnHighlights,
  extensionPage,
  marginTexts,
  openArticle,
  selectByMouse,
  tabIdOf,
  waitForDrawn,
  waitForSaved,
  withExtensionBrowser,
} from './harness';
import { axeViolations } from './shared/axe';
import { uniquePage } from './shared/server';

// What the tests call inside the extension's service worker.
declare const chrome: {
  tabs: {
    query(filter: object): Promise<{ id?: number; url?: string; windowId: number; status?: string }[]>;
    move(tabId: number, options: { windowId: number; index: number }): Promise<unknown>;
    update(tabId: number, options: { active: boolean }): Promise<unknown>;
  };
  windows: {
    create(options: { url: string; focused?: boolean }): Promise<{ id: number }>;
    remove(windowId: number): Promise<void>;
  };
};

const browser = withExtensionBrowser();

const testPage = (path: string) => uniquePage(browser.url, path);

const random = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/** For what takes a round trip through the background and the page (a tab in the background is throttled). */
const LONG = { timeout: 5_000 };

/** Highlights the passage from `from` to `to` with `h`, and waits until `drawn` highlights are drawn. */
async function highlight(page: Page, from: string, to: string, drawn: number): Promise<void> {
  await page.bringToFront();
  await selectByMouse(page, from, to);
  await page.keyboard.press('h');
  await waitForDrawn(page, drawn);
}

/** The side panel about the tab showing `page`, in front, once it lists `count` annotations. */
async function openPanel(page: Page, count: number): Promise<Page> {
  const panel = await browser.session.context.newPage();
  await panel.goto(
    extensionPage(browser.session, `sidepanel.html?tabId=${await tabIdOf(browser.session, page)}`),
  );
  await expect.poll(() => panel.locator('li.item').count()).toBe(count);
  await panel.bringToFront();
  return panel;
}

/** The quote of the panel's focused item, or what has the focus when it is not an item. */
function focused(panel: Page): Promise<string> {
  return panel.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    if (active?.matches('li.item')) return active.querySelector('.quote')?.textContent ?? '';
    return `<${active?.tagName.toLowerCase()}>`;
  });
}

/** Presses `e` on the focused item and waits until its note field has the focus, as a reader would before typing. */
async function edit(panel: Page): Promise<void> {
  await panel.keyboard.press('e');
  const field = panel.getByRole('textbox', { name: 'Note' });
  await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
}

const quotes = (panel: Page) => panel.locator('li.item .quote').allTextContents();

describe('the side panel by keyboard alone', () => {
  it('moves with j/k and arrows, shows with Enter, edits with e, deletes with Delete and undoes with Ctrl+Z', async () => {
    const page = await openArticle(browser.session.context, testPage('article.html'));
    await highlight(page, 'Sophisticated attacks', 'trained fighters', 1);
    await highlight(page, 'Helpfully, ISIS', 'described for us', 2);
    await waitForSaved(browser.session, page);
    const panel = await openPanel(page, 2);
    // Document order once the page has answered where its passages are.
    await expect.poll(async () => (await quotes(panel))[0], LONG).toContain('Helpfully');

    await panel.keyboard.press('j');
    await expect.poll(() => focused(panel)).toContain('Helpfully');
    await panel.keyboard.press('j');
    await expect.poll(() => focused(panel)).toContain('Sophisticated');
    await panel.keyboard.press('k');
    await expect.poll(() => focused(panel)).toContain('Helpfully');
    await panel.keyboard.press('ArrowDown');
    await expect.poll(() => focused(panel)).toContain('Sophisticated');
    // One item in the tab order, with a visible focus ring.
    expect(await panel.locator('li.item[tabindex="0"]').count()).toBe(1);
    expect(
      await panel.evaluate(() => {
        const style = getComputedStyle(document.activeElement as Element);
        return style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2;
      }),
    ).toBe(true);

    await page.evaluate(() => window.scrollTo(0, 0));
    await panel.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => document.querySelector('.gloss-hl-flash')?.textContent ?? ''))
      .toContain('Sophisticated');
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);

    await panel.keyboard.press('e');
    const field = panel.getByRole('textbox', { name: 'Note' });
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await field.inputValue()).toBe(''); // the e opened the editor, it was not typed
    await panel.keyboard.type('Trained *fighters*');
    await panel.keyboard.press('Control+Enter');
    await expect.poll(async () => (await marginTexts(page)).join('|')).toBe('Trained fighters');
    // The focus is back on the item, which shows the note rendered.
    await expect.poll(() => focused(panel)).toContain('Sophisticated');
    const note = await panel
      .locator('li.item', { hasText: 'Sophisticated' })
      .locator('.markdown')
      .textContent();
    expect(note?.trim()).toBe('Trained fighters');

    await panel.keyboard.press('Delete');
    await expect.poll(() => quotes(panel)).toEqual([expect.stringContaining('Helpfully')]);
    await expect
      .poll(async () => Object.values(await drawnHighlights(page)))
      .toEqual([expect.stringContaining('Helpfully')]);
    await panel.getByRole('status').filter({ hasText: 'Deleted 1 annotation' }).waitFor();
    // The focus went to the item now in its place, so the keys go on working.
    await expect.poll(() => focused(panel)).toContain('Helpfully');

    await panel.keyboard.press('Control+z');
    await expect.poll(async () => (await quotes(panel)).length, LONG).toBe(2);
    await expect
      .poll(async () => Object.values(await drawnHighlights(page)).sort())
      .toEqual([expect.stringContaining('Helpfully'), expect.stringContaining('Sophisticated')]);
    await expect.poll(async () => (await marginTexts(page)).join('|')).toBe('Trained fighters');
    await panel.close();
    await page.close();
  });

  it('recolours from the editor with the arrow keys, and the toast undoes it', async () => {
    const page = await openArticle(browser.session.context, testPage('article.html'));
    await highlight(page, 'Sophisticated attacks', 'trained fighters', 1);
    await waitForSaved(browser.session, page);
    const panel = await openPanel(page, 1);
    const item = panel.locator('li.item');
    await expect.poll(() => item.locator('.item-color').textContent()).toBe('Yellow');
    const pageColour = () => page.locator('mark[data-annotation-id]').first().getAttribute('class');

    await panel.keyboard.press('j');
    await expect.poll(() => focused(panel)).toContain('Sophisticated');
    await edit(panel);
    // Note, the Preview toggle, tags, then the colours (the chosen one is in the tab order).
    await panel.keyboard.press('Tab');
    await panel.keyboard.press('Tab');
    await panel.keyboard.press('Tab');
    await expect
      .poll(() => panel.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Yellow');
    await panel.keyboard.press('ArrowRight');
    await expect.poll(pageColour).toContain('gloss-hl-green');
    await panel.getByRole('radio', { name: 'Green' }).and(panel.locator('[aria-checked="true"]')).waitFor();

    await panel.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(pageColour).toContain('gloss-hl-yellow');
    await panel.getByRole('status').filter({ hasText: 'Undone: Changed the colour to Green.' }).waitFor();
    await panel.close();
    await page.close();
  });

  it('adds a tag with autocomplete from the tags already in use', async () => {
    const tag = `t${random()}-crossing`;
    const page = await openArticle(browser.session.context, testPage('article.html'));
    await highlight(page, 'Sophisticated attacks', 'trained fighters', 1);
    await highlight(page, 'Helpfully, ISIS', 'described for us', 2);
    await waitForSaved(browser.session, page);
    const panel = await openPanel(page, 2);
    await expect.poll(async () => (await quotes(panel))[0], LONG).toContain('Helpfully');
    const tagsOf = (quote: string) =>
      panel.locator('li.item', { hasText: quote }).locator('ul.tags li').allTextContents();

    // The first passage gets the tag typed out in full.
    await panel.keyboard.press('j');
    await expect.poll(() => focused(panel)).toContain('Helpfully');
    await edit(panel);
    // Past the Preview toggle to the tags field.
    await panel.keyboard.press('Tab');
    await panel.keyboard.press('Tab');
    await panel.keyboard.type(tag);
    await panel.keyboard.press('Control+Enter');
    await expect.poll(() => tagsOf('Helpfully')).toEqual([tag]);

    // The second takes it from the suggestions for a prefix.
    await panel.keyboard.press('j');
    await expect.poll(() => focused(panel)).toContain('Sophisticated');
    await edit(panel);
    await panel.keyboard.press('Tab');
    await panel.keyboard.press('Tab');
    await panel.keyboard.type(tag.slice(0, -5));
    await panel.getByRole('option', { name: tag }).waitFor();
    await panel.keyboard.press('ArrowDown');
    await expect
      .poll(() => panel.getByRole('option', { name: tag }).getAttribute('aria-selected'))
      .toBe('true');
    await panel.keyboard.press('Enter');
    expect(await panel.getByRole('combobox', { name: 'Tags' }).inputValue()).toBe(`${tag}, `);
    await panel.keyboard.press('Control+Enter');
    await expect.poll(() => tagsOf('Sophisticated')).toEqual([tag]);
    await panel.close();
    await page.close();
  });
});

describe('passages the page no longer has as they were', () => {
  it('lists "Text changed" and "Not found on page" after the found ones, with their stored context', async () => {
    const page = await openArticle(browser.session.context, testPage('revised.html'));
    await highlight(page, 'carrying milk', 'far bank', 1);
    await highlight(page, 'crossed the river', 'each morning', 2);
    await highlight(page, 'ice formed', 'northern shore', 3);
    await waitForSaved(browser.session, page);
    // The page reads its edition from localStorage once, when it loads; it is put back at once.
    await page.evaluate(() => localStorage.setItem('edition', '2'));
    await page.reload();
    await page.getByText('Nothing else about the crossing').waitFor();
    await page.evaluate(() => localStorage.removeItem('edition'));
    await expect.poll(async () => Object.keys(await drawnHighlights(page)).length).toBe(2);

    const panel = await openPanel(page, 3);
    const changed = panel.getByRole('list', { name: 'Text changed (1)' });
    const lost = panel.getByRole('list', { name: 'Not found on page (1)' });
    await changed.waitFor();
    await lost.waitFor();
    expect(
      await panel.getByRole('list', { name: 'Annotations in page order' }).locator('.quote').textContent(),
    ).toBe('carrying milk and mail to the far bank');
    expect(await changed.locator('.changed').textContent()).toBe(
      'Now reads: crossed the river three times each morning',
    );
    expect(await changed.getByRole('button', { name: 'Accept new text' }).count()).toBe(1);
    expect(await lost.locator('.changed').textContent()).toContain(
      'crossing stopped whenever ice formed along the northern shore of the bay',
    );
    expect(await lost.getByRole('button', { name: 'Re-attach to selection' }).count()).toBe(1);
    // A passage not on the page has nothing to show there: its quote is not a button.
    expect(await lost.locator('button.quote').count()).toBe(0);

    // The keys walk the groups in the order shown.
    for (const quote of [
      'carrying milk and mail to the far bank',
      'crossed the river twice each morning',
      'ice formed along the northern shore',
    ]) {
      await panel.keyboard.press('j');
      await expect.poll(() => focused(panel)).toBe(quote);
    }
    await panel.close();
    await page.close();
  });
});

describe('following the page', () => {
  it('follows a single-page navigation (history.pushState) and back, with the page title', async () => {
    const page = await openArticle(browser.session.context, testPage('spa.html?story=one'));
    await highlight(page, 'one hundred', 'twelve steps', 1);
    await waitForSaved(browser.session, page);
    const panel = await openPanel(page, 1);
    expect(await panel.getByRole('heading', { level: 1 }).textContent()).toBe('A single-page site');
    expect(await quotes(panel)).toEqual(['one hundred and twelve steps']);

    await page.bringToFront();
    await page.getByRole('link', { name: 'Story two' }).click();
    await page.getByText('old pear tree').waitFor();
    await panel.getByText('No annotations on this page yet.').waitFor();
    await highlight(page, 'old pear', 'tree', 1);
    await expect.poll(() => quotes(panel), LONG).toEqual(['old pear tree']);

    await page.goBack();
    await page.getByText('The keeper climbed').waitFor();
    await expect.poll(() => quotes(panel), LONG).toEqual(['one hundred and twelve steps']);
    await panel.close();
    await page.close();
  });

  it('follows the active tab of its own window, not of another window', async () => {
    const page = await openArticle(browser.session.context, testPage('article.html'));
    await highlight(page, 'Sophisticated attacks', 'trained fighters', 1);
    await waitForSaved(browser.session, page);
    const articleTab = await tabIdOf(browser.session, page);
    // Not pinned to a tab: the panel is about the active tab of its window (at first, itself).
    const panel = await browser.session.context.newPage();
    await panel.goto(extensionPage(browser.session, 'sidepanel.html'));
    await panel.getByText('No annotations on this page yet.').waitFor();
    const panelUrl = panel.url();
    const worker = browser.session.context.serviceWorkers()[0];
    if (!worker) throw new Error('no service worker');

    await worker.evaluate(
      async ([article, url]) => {
        const tabs = await chrome.tabs.query({});
        const own = tabs.find((t) => t.url === url);
        const shown = tabs.find((t) => t.id === article);
        if (!own || !shown) throw new Error('tabs not found');
        if (shown.windowId !== own.windowId)
          await chrome.tabs.move(article, { windowId: own.windowId, index: -1 });
        await chrome.tabs.update(article, { active: true });
      },
      [articleTab, panelUrl] as const,
    );
    await expect.poll(() => quotes(panel), LONG).toEqual([expect.stringContaining('Sophisticated')]);
    expect(await panel.getByRole('heading', { level: 1 }).textContent()).toBe(await page.title());

    // A tab activated in another window leaves the panel where it is.
    const other = testPage('structures.html');
    const windowId = await worker.evaluate(
      async (url) => (await chrome.windows.create({ url, focused: true })).id,
      other,
    );
    await expect
      .poll(
        () =>
          worker.evaluate(
            async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.status ?? '',
            other,
          ),
        LONG,
      )
      .toBe('complete');
    expect(await quotes(panel)).toEqual([expect.stringContaining('Sophisticated')]);
    await worker.evaluate((id) => chrome.windows.remove(id), windowId);
    await panel.close();
    await page.close();
  });
});

describe('accessibility (axe-core)', () => {
  it('finds no serious or critical violations on the side panel, light and dark', async () => {
    const page = await openArticle(browser.session.context, testPage('revised.html'));
    await highlight(page, 'carrying milk', 'far bank', 1);
    await highlight(page, 'ice formed', 'northern shore', 2);
    await waitForSaved(browser.session, page);
    await page.evaluate(() => localStorage.setItem('edition', '2'));
    await page.reload();
    await page.getByText('Nothing else about the crossing').waitFor();
    await page.evaluate(() => localStorage.removeItem('edition'));

    const panel = await openPanel(page, 2);
    await panel.getByRole('list', { name: 'Not found on page (1)' }).waitFor();
    // With a note, tags, the editor open on another item and a toast showing.
    await panel.keyboard.press('j');
    await expect.poll(() => focused(panel)).toContain('carrying milk');
    await edit(panel);
    await panel.getByRole('textbox', { name: 'Note' }).fill('A *note* with [a link](https://example.org/).');
    await panel.getByRole('combobox', { name: 'Tags' }).fill('ferry, river');
    await panel.keyboard.press('Control+Enter');
    await expect.poll(() => panel.locator('ul.tags li').allTextContents()).toEqual(['ferry', 'river']);
    await panel.keyboard.press('j');
    await expect.poll(() => focused(panel)).toContain('ice formed');
    await edit(panel);
    await panel.getByRole('status').filter({ hasText: 'Edited the note' }).waitFor();

    expect(await axeViolations(panel)).toEqual([]);
    await panel.emulateMedia({ colorScheme: 'dark' });
    await expect
      .poll(() => panel.evaluate(() => getComputedStyle(document.body).backgroundColor))
      .toBe('rgb(30, 30, 33)');
    expect(await axeViolations(panel)).toEqual([]);
    await panel.close();
    await page.close();
  });
});
