/**
 * Settings in the built extension: the popup's site switch takes Gloss out of the open
 * page and brings it back; labels and the theme set on the settings page reach open views
 * and pages at once; the note card is as tall as what it shows; and axe finds no serious
 * or critical violations on the settings page and the popup.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  cardFrame,
  drawnHighlights,
  extensionPage,
  marginTexts,
  noteEditor,
  openArticle,
  selectByMouse,
  tabIdOf,
  withExtensionBrowser,
} from './harness';
import { axeViolations } from './shared/axe';
import { uniquePage } from './shared/server';

const browser = withExtensionBrowser();
const SITE = '127.0.0.1';

const article = () => uniquePage(browser.url, 'article.html');

/** How many of Gloss's in-page controls with this role and name the browser's accessibility tree holds. */
async function glossControls(page: Page, role: string, name: string): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: 0 })) as { root: { nodeId: number } };
    const { nodes } = (await cdp.send('Accessibility.queryAXTree', {
      nodeId: root.nodeId,
      role,
      accessibleName: name,
    })) as { nodes: { ignored?: boolean }[] };
    return nodes.filter((node) => !node.ignored).length;
  } finally {
    await cdp.detach();
  }
}

async function highlight(page: Page, from: string, to: string): Promise<void> {
  const before = Object.keys(await drawnHighlights(page)).length;
  await selectByMouse(page, from, to);
  await page.keyboard.press('h');
  await expect.poll(async () => Object.keys(await drawnHighlights(page)).length).toBe(before + 1);
}

/** The popup for the tab showing `page`, opened as a tab of its own. */
async function openPopup(page: Page): Promise<Page> {
  const tabId = await tabIdOf(browser.session, page);
  const popup = await browser.session.context.newPage();
  await popup.goto(extensionPage(browser.session, `popup.html?tabId=${tabId}`));
  return popup;
}

async function openOptions(): Promise<Page> {
  const options = await browser.session.context.newPage();
  await options.goto(extensionPage(browser.session, 'options.html'));
  await options.getByRole('heading', { name: 'Gloss settings' }).waitFor();
  return options;
}

/** Runs axe-core in `page` and returns its serious and critical violations, by rule and target. */
/**
 * Whether Gloss claimed `key`: its capturing listener stops the event before the page's
 * own listener sees it, or marks it handled.
 */
async function keyClaimed(page: Page, key: string): Promise<boolean> {
  await page.evaluate(() => {
    const seen = window as unknown as { keySeen?: { prevented: boolean } };
    seen.keySeen = undefined;
    document.addEventListener('keydown', (event) => (seen.keySeen = { prevented: event.defaultPrevented }), {
      once: true,
    });
  });
  await page.keyboard.press(key);
  return page.evaluate(() => {
    const seen = (window as unknown as { keySeen?: { prevented: boolean } }).keySeen;
    return seen === undefined || seen.prevented;
  });
}

describe('Gloss off for a site, from the popup', () => {
  it('takes highlights, toolbar and keys out of the open page at once, and brings them back', async () => {
    const page = await openArticle(browser.session.context, article());
    await highlight(page, 'Sophisticated attacks', 'trained fighters');
    const drawn = await drawnHighlights(page);
    await selectByMouse(page, 'Helpfully, ISIS', 'described for us');
    await expect.poll(() => glossControls(page, 'toolbar', 'Gloss')).toBe(1);

    const popup = await openPopup(page);
    await popup.getByRole('button', { name: `Turn Gloss off on ${SITE}` }).click();
    await expect.poll(() => popup.getByRole('status').first().textContent()).toBe(`Gloss is off on ${SITE}.`);
    await expect.poll(async () => Object.keys(await drawnHighlights(page)).length).toBe(0);
    await expect.poll(() => glossControls(page, 'toolbar', 'Gloss')).toBe(0);
    expect(await popup.getByRole('switch').count()).toBe(0); // nothing to show or hide now

    // Keys reach the page untouched: Gloss no longer claims h on a selection.
    await page.bringToFront();
    await selectByMouse(page, 'Helpfully, ISIS', 'described for us');
    expect(await keyClaimed(page, 'h')).toBe(false);
    expect(await drawnHighlights(page)).toEqual({});
    expect(await glossControls(page, 'toolbar', 'Gloss')).toBe(0);

    await popup.bringToFront();
    await popup.getByRole('button', { name: `Turn Gloss back on for ${SITE}` }).click();
    await expect.poll(() => drawnHighlights(page)).toEqual(drawn);
    await page.bringToFront();
    await selectByMouse(page, 'Helpfully, ISIS', 'described for us');
    expect(await keyClaimed(page, 'h')).toBe(true);
    await expect.poll(async () => Object.keys(await drawnHighlights(page)).length).toBe(2);
    await popup.close();
    await page.close();
  });

  it('lists the site on the settings page, where removing it turns Gloss back on', async () => {
    const page = await openArticle(browser.session.context, article());
    await highlight(page, 'Sophisticated attacks', 'trained fighters');
    const popup = await openPopup(page);
    await popup.getByRole('button', { name: `Turn Gloss off on ${SITE}` }).click();
    await expect.poll(async () => Object.keys(await drawnHighlights(page)).length).toBe(0);
    const options = await openOptions();
    const list = options.getByRole('list', { name: 'Sites where Gloss is off' });
    await expect.poll(() => list.getByRole('listitem').allTextContents()).toEqual([`${SITE}Remove`]);
    await options.getByRole('button', { name: `Turn Gloss back on for ${SITE}` }).click();
    await expect.poll(async () => Object.keys(await drawnHighlights(page)).length).toBe(1);
    await expect.poll(() => popup.getByRole('button', { name: `Turn Gloss off on ${SITE}` }).count()).toBe(1);
    await options.getByText('None: Gloss is on everywhere.').waitFor();
    await options.close();
    await popup.close();
    await page.close();
  });
});

describe('settings applied live', () => {
  it('shows a colour label in the open card and the toolbar as it is typed', async () => {
    const page = await openArticle(browser.session.context, article());
    await highlight(page, 'Sophisticated attacks', 'trained fighters');
    await page.locator('mark[data-annotation-id]', { hasText: 'Sophisticated attacks' }).first().click();
    const card = await cardFrame(page);
    await expect.poll(() => card.locator('.color-name').textContent()).toBe('Yellow');

    const options = await openOptions();
    await options.getByRole('textbox', { name: 'Yellow' }).fill('key idea');
    await expect.poll(() => card.locator('.color-name').textContent()).toBe('Yellow (key idea)');
    expect(await card.getByRole('radio', { name: 'Yellow (key idea)' }).count()).toBe(1);
    expect(await card.getByRole('radio', { name: 'Green' }).count()).toBe(1);

    await page.bringToFront();
    await page.keyboard.press('Escape');
    await selectByMouse(page, 'Helpfully, ISIS', 'described for us');
    await expect.poll(() => glossControls(page, 'radio', 'Yellow (key idea)')).toBe(1);

    await options.getByRole('textbox', { name: 'Yellow' }).fill('');
    await expect.poll(() => glossControls(page, 'radio', 'Yellow')).toBe(1);
    await options.close();
    await page.close();
  });

  it('applies the dark theme to the open popup and note card, and the light one back', async () => {
    const page = await openArticle(browser.session.context, article());
    await highlight(page, 'Sophisticated attacks', 'trained fighters');
    await page.locator('mark[data-annotation-id]', { hasText: 'Sophisticated attacks' }).first().click();
    const card = await cardFrame(page);
    const popup = await openPopup(page);
    await popup.getByRole('heading', { name: 'Gloss' }).waitFor();
    const background = (target: Page | typeof card) =>
      target.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const scheme = (target: Page | typeof card) =>
      target.evaluate(() => getComputedStyle(document.documentElement).colorScheme);

    const options = await openOptions();
    await options.getByRole('radio', { name: 'Dark', exact: true }).check();
    await expect.poll(() => popup.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await scheme(popup)).toBe('dark');
    expect(await background(popup)).toBe('rgb(30, 30, 33)');
    await expect.poll(() => background(card)).toBe('rgb(30, 30, 33)');
    expect(await background(options)).toBe('rgb(30, 30, 33)');

    await options.getByRole('radio', { name: 'Light', exact: true }).check();
    await expect.poll(() => background(popup)).toBe('rgb(255, 255, 255)');
    await expect.poll(() => background(card)).toBe('rgb(255, 255, 255)');
    await options.getByRole('radio', { name: /As the system/ }).check();
    await expect.poll(() => scheme(popup)).toBe('light dark');
    await options.close();
    await popup.close();
    await page.close();
  });
});

describe('margin notes turned off and on', () => {
  it('turns the open page’s margin notes into markers and back', async () => {
    const page = await openArticle(browser.session.context, article());
    await selectByMouse(page, 'Sophisticated attacks', 'trained fighters');
    await page.keyboard.press('n');
    await noteEditor(page);
    await page.keyboard.type('In the margin.');
    await page.keyboard.press('Control+Enter');
    await (await cardFrame(page)).locator('.markdown').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => marginTexts(page)).toEqual(['In the margin.']);
    expect(await glossControls(page, 'button', 'Open note')).toBe(0);

    const options = await openOptions();
    const margin = options.getByRole('switch', { name: /Show notes in the page margin/ });
    await margin.uncheck();
    await expect.poll(() => marginTexts(page)).toEqual([]);
    await expect.poll(() => glossControls(page, 'button', 'Open note')).toBe(1);
    await margin.check();
    await expect.poll(() => marginTexts(page)).toEqual(['In the margin.']);
    expect(await glossControls(page, 'button', 'Open note')).toBe(0);
    await options.close();
    await page.close();
  });
});

describe('the note card', () => {
  it('is as tall as what it shows, growing for the editor and shrinking after a save', async () => {
    const page = await openArticle(browser.session.context, article());
    await selectByMouse(page, 'Sophisticated attacks', 'trained fighters');
    await page.keyboard.press('n');
    await noteEditor(page);
    const card = await cardFrame(page);
    const frameHeight = async () => (await (await card.frameElement()).boundingBox())?.height ?? 0;
    const contentHeight = () => card.evaluate(() => document.documentElement.getBoundingClientRect().height);
    // Outside what it holds, the frame has only its 1px border on each side and the 2px
    // slack lib/annotator/note-frames.ts allows (never a scrollbar for half a pixel).
    const fits = async () => {
      const extra = (await frameHeight()) - (await contentHeight());
      return extra >= 2 && extra <= 6;
    };
    await expect.poll(fits).toBe(true);
    const editing = await frameHeight();
    await page.keyboard.type('Short.');
    await page.keyboard.press('Control+Enter');
    await card.locator('.markdown').waitFor();
    await expect.poll(fits).toBe(true);
    const reading = await frameHeight();
    expect(reading).toBeLessThan(editing);
    // Nothing but the card: no empty band below its buttons.
    const buttonsBottom = await card.evaluate(
      () => document.querySelector('.card-actions:last-of-type')?.getBoundingClientRect().bottom ?? 0,
    );
    expect(reading - 2 - buttonsBottom).toBeLessThan(16);
    await page.close();
  });
});

describe('accessibility (axe-core)', () => {
  it('finds no serious or critical violations on the settings page, light and dark', async () => {
    const options = await openOptions();
    expect(await axeViolations(options)).toEqual([]);
    await options.getByRole('radio', { name: 'Dark', exact: true }).check();
    await expect.poll(() => options.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await axeViolations(options)).toEqual([]);
    await options.getByRole('radio', { name: /As the system/ }).check();
    await options.close();
  });

  it('finds no serious or critical violations on the popup of an annotated page', async () => {
    const page = await openArticle(browser.session.context, article());
    await highlight(page, 'Sophisticated attacks', 'trained fighters');
    const popup = await openPopup(page);
    await expect.poll(() => popup.locator('header .count').textContent()).toBe('1 on this page');
    await popup.getByRole('button', { name: `Turn Gloss off on ${SITE}` }).waitFor();
    expect(await axeViolations(popup)).toEqual([]);
    // Its delete can be undone from the popup too, and the page follows both ways.
    await popup.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(async () => Object.keys(await drawnHighlights(page)).length).toBe(0);
    await popup.locator('.toast').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => Object.keys(await drawnHighlights(page)).length).toBe(1);
    await popup.close();
    await page.close();
  });

  it('finds no serious or critical violations on the note card, reading and editing, light and dark', async () => {
    const page = await openArticle(browser.session.context, article());
    await selectByMouse(page, 'Sophisticated attacks', 'trained fighters');
    await page.keyboard.press('n');
    const card = await cardFrame(page);
    await card.getByRole('textbox', { name: 'Note' }).waitFor();
    expect(await axeViolations(card)).toEqual([]);
    await page.keyboard.type('A **note** with [a link](https://example.org/)');
    await page.keyboard.press('Control+Enter');
    await expect
      .poll(async () => (await card.locator('.markdown').textContent())?.trim())
      .toBe('A note with a link');
    expect(await axeViolations(card)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(card)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.close();
  });
});
