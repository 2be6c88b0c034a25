import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pageKey } from '../../lib/page-key';
import {
  cardFrame,
  drawnHighlights,
  extensionPage,
  marginTexts,
  noteEditor,
  noteFrames,
  openArticle,
  selectByMouse,
  waitForSaved,
  withExtensionBrowser,
} from './harness';
import { uniquePage } from './shared/server';

const SECRET = 'Rendezvous at pier nine';
const browser = withExtensionBrowser();

/** The hostile page under a page key of the calling test's own. */
const hostilePage = () => uniquePage(browser.url, 'hostile.html');

/** How many annotations the library lists in all, and how many of them for the page at `url`. */
async function libraryCount(url: string): Promise<{ total: number; here: number }> {
  const library = await browser.session.context.newPage();
  await library.goto(extensionPage(browser.session, 'library.html'));
  const count = library.getByText(/ of [\d,]+ annotations?$/);
  await count.waitFor();
  const total = Number((await count.textContent())?.match(/ of ([\d,]+) /)?.[1]?.replace(/,/g, ''));
  // The list is virtualised: this page's rows are drawn because its annotations are the newest.
  const here = await library.locator(`.row[data-group="${pageKey(url)}"] .item`).count();
  await library.close();
  return { total, here };
}

/** Writes the secret as a note on the first paragraph and waits until the card shows it saved. */
async function writeSecretNote(page: Page): Promise<void> {
  await selectByMouse(page, 'seven boats', 'lighthouse keeper');
  await page.keyboard.press('n');
  await noteEditor(page);
  const card = await cardFrame(page);
  await page.keyboard.type(SECRET);
  await page.keyboard.press('Control+Enter');
  await expect.poll(async () => (await card.locator('.markdown').textContent())?.trim()).toBe(SECRET);
  await page.keyboard.press('Escape');
}

describe('a hostile page', () => {
  it('cannot read a note while it is typed, saved or shown in the margin', async () => {
    const page = await openArticle(browser.session.context, hostilePage());
    await writeSecretNote(page);
    await page.reload();
    await page.waitForSelector('mark[data-annotation-id]');
    await expect.poll(async () => (await marginTexts(page)).join('')).toContain(SECRET);
    // Let the page's periodic walk run twice over the drawn note before reading what it saw.
    const walks = await page.evaluate(
      () => (window as unknown as { __spy: { walks: unknown[] } }).__spy.walks.length,
    );
    await page.waitForFunction(
      (n) => (window as unknown as { __spy: { walks: unknown[] } }).__spy.walks.length >= n + 2,
      walks,
    );
    const spy = JSON.stringify(await page.evaluate(() => (window as unknown as { __spy: unknown }).__spy));
    expect(spy.length).toBeGreaterThan(1000); // the spy really ran
    expect(spy).not.toContain('pier nine');
    expect(spy).not.toContain('Rendezvous');
    const keys = await page.evaluate(() =>
      (window as unknown as { __spy: { keys: string[] } }).__spy.keys.join(''),
    );
    expect(keys).not.toContain('Rendezvous');
    await page.close();
  });

  it('cannot create, change or delete annotations with synthetic events or messages', async () => {
    // This test's own note on its own page, saved, then the page opened again with it drawn.
    const url = hostilePage();
    const first = await openArticle(browser.session.context, url);
    await writeSecretNote(first);
    await first.close();
    const before = await libraryCount(url);
    expect(before.here).toBe(1);
    const page = await openArticle(browser.session.context, url);
    await page.waitForSelector('mark[data-annotation-id]');
    await expect.poll(async () => (await marginTexts(page)).join('')).toContain(SECRET);
    const drawnBefore = await drawnHighlights(page);
    await page.evaluate(() => (window as unknown as { __forge: () => void }).__forge());
    // Then the reader highlights something for real: its save goes through the same content
    // script and background after every forged event and message, so once it is drawn and
    // listed, anything forged would have landed too.
    await selectByMouse(page, 'Nothing else', 'of note');
    await page.keyboard.press('h');
    await expect
      .poll(async () => Object.keys(await drawnHighlights(page)).length)
      .toBe(Object.keys(drawnBefore).length + 1);
    expect(await noteFrames(page, 'card')).toHaveLength(0); // a synthetic click opened no card
    const after = await drawnHighlights(page);
    for (const [id, text] of Object.entries(drawnBefore)) expect(after[id]).toBe(text);
    await waitForSaved(browser.session, page);
    expect(await libraryCount(url)).toEqual({ total: before.total + 1, here: before.here + 1 });
    await page.close();
  });
});
