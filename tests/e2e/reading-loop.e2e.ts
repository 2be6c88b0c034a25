import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageKey } from '../../lib/page-key';
import {
  cardFrame,
  clickGlossControl,
  drawnHighlights,
  extensionPage,
  launch,
  marginTexts,
  newProfile,
  noteEditor,
  openArticle,
  removeProfile,
  type Session,
  selectByMouse,
  startServer,
} from './harness';
import { uniquePage } from './shared/server';

let server: Awaited<ReturnType<typeof startServer>>;
let session: Session;
const profile = newProfile();

beforeAll(async () => {
  server = await startServer();
  session = await launch(profile);
});
afterAll(async () => {
  await session?.close();
  server?.stop();
  removeProfile(profile);
});

/** The demo article under a page key of the calling test's own (the tracking parameter is dropped from it). */
const article = () => uniquePage(server.url, 'article.html?utm_source=newsletter');

/** What the first two tests do by hand, for the tests that need annotations to exist. */
async function annotate(page: Page): Promise<void> {
  await selectByMouse(page, 'Jessica Stern', 'on-line magazine', true);
  await page.waitForFunction(() => document.getSelection()?.toString().includes('Dabiq'));
  await page.keyboard.press('h');
  await expect.poll(async () => Object.keys(await drawnHighlights(page)).length).toBe(1);
  await selectByMouse(page, 'prophesized to be held', 'necessary to achieve');
  await page.keyboard.press('n');
  await noteEditor(page);
  await page.keyboard.type('Two **options**, one goal.');
  await page.keyboard.press('Control+Enter');
  await (await cardFrame(page)).locator('.markdown strong').waitFor();
  await page.keyboard.press('Escape');
}

describe('the reading loop on the demo article', () => {
  it('shows a toolbar for a selection and highlights across a link and <em> with h', async () => {
    const page = await openArticle(session.context, article());
    await selectByMouse(page, 'Jessica Stern', 'on-line magazine', true);
    await page.waitForFunction(() => document.getSelection()?.toString().includes('Dabiq'));
    await page.keyboard.press('h');
    await page.waitForSelector('mark[data-annotation-id]');
    const drawn = Object.values(await drawnHighlights(page));
    expect(drawn).toEqual(['Jessica Stern writes: In the latest issue of Dabiq, ISIS’s on-line magazine']);
    // Every piece of one highlight carries the same stored id.
    const ids = await page.$$eval('mark[data-annotation-id]', (els) => [
      ...new Set(els.map((e) => e.getAttribute('data-annotation-id'))),
    ]);
    expect(ids).toHaveLength(1);
    expect(await page.$$eval('mark[data-annotation-id]', (els) => els.length)).toBeGreaterThanOrEqual(3);
    await page.close();
  });

  it('writes a margin note with n, Ctrl+Enter, across two paragraphs', async () => {
    const page = await openArticle(session.context, article());
    await selectByMouse(page, 'prophesized to be held', 'necessary to achieve');
    await page.keyboard.press('n');
    await noteEditor(page);
    const frame = await cardFrame(page);
    await page.keyboard.type('Two **options**, one goal.');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => frame.locator('.markdown strong').textContent()).toBe('options');
    await page.keyboard.press('Escape');
    await page.close();
  });

  it('finds both again after a reload, with the note in the margin', async () => {
    const url = article();
    await annotate(await openArticle(session.context, url));
    const page = await openArticle(session.context, `${url.replace('utm_source=newsletter&', '')}#top`);
    await page.waitForSelector('mark[data-annotation-id]');
    await expect.poll(async () => Object.values(await drawnHighlights(page)).length).toBe(2);
    const texts = Object.values(await drawnHighlights(page));
    expect(
      texts.some(
        (t) =>
          t.startsWith('prophesized to be held at Dabiq in Syria.”') && t.endsWith('necessary to achieve'),
      ),
    ).toBe(true);
    await expect.poll(async () => (await marginTexts(page)).join('|')).toContain('Two options, one goal.');
    await page.close();
  });

  it('opens a highlight’s card on click, recolours and deletes with undo', async () => {
    const page = await openArticle(session.context, article());
    await selectByMouse(page, 'Jessica Stern', 'on-line magazine', true);
    await page.keyboard.press('h');
    const first = page.locator('mark[data-annotation-id]', { hasText: 'Jessica Stern' }).first();
    await first.click();
    const card = await cardFrame(page);
    await card.getByRole('radio', { name: 'Green' }).click();
    await expect.poll(() => first.getAttribute('class')).toContain('gloss-hl-green');
    await card.getByRole('button', { name: 'Delete' }).click();
    await expect
      .poll(async () => page.locator('mark[data-annotation-id]', { hasText: 'Jessica Stern' }).count())
      .toBe(0);
    await clickGlossControl(page, 'button', 'Undo');
    await expect
      .poll(async () => page.locator('mark[data-annotation-id]', { hasText: 'Jessica Stern' }).count())
      .toBeGreaterThan(0);
    await page.close();
  });

  it('lists the page in the library, searchable, and opens the passage from it', async () => {
    const page = await openArticle(session.context, article());
    await annotate(page);
    const library = await session.context.newPage();
    await library.goto(extensionPage(session, 'library.html'));
    // This test's page, among the other tests' pages: found by its address.
    // Rows of one page share its key; the heading row carries the link.
    const key = pageKey(page.url());
    const group = library.locator(`.row[data-group="${key}"]`);
    await expect.poll(() => group.locator('.item').count()).toBe(2);
    expect(await group.locator('h2').textContent()).toBe('What does ISIS really want now?');
    await library.getByRole('searchbox', { name: 'Search annotations' }).fill('options');
    await expect.poll(() => group.locator('.item').count()).toBe(1);
    await expect.poll(() => group.locator('mark.match').first().textContent()).toBe('options');
    const opened = session.context.waitForEvent('page');
    await group.locator('.item').getByRole('button', { name: 'Open' }).click();
    const tab = await opened;
    await tab.waitForLoadState();
    expect(decodeURIComponent(tab.url())).toContain('#:~:text=');
    await tab.waitForSelector('mark[data-annotation-id]');
    await tab.close();
    await library.close();
    await page.close();
  });
});

describe('after a browser restart', () => {
  it('draws the highlights again from the same profile', async () => {
    const url = article();
    await annotate(await openArticle(session.context, url));
    await session.close();
    session = await launch(profile);
    const page = await openArticle(session.context, url);
    await expect.poll(async () => Object.values(await drawnHighlights(page)).length).toBe(2);
    await page.close();
  });
});
