/**
 * The attacks of issue 8, each tried the way a page would try it, each asserting what a
 * reader would see (or not see). Every test fails with the defence removed: the names
 * "gloss-ui"/"gloss-highlight", an open shadow root, WXT's started message, an id in the
 * note frame's URL, window messages from frames, timing marks, remote images in notes and
 * page-side <style> elements were each what the old code did.
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
  withExtensionBrowser,
} from './harness';
import { uniquePage } from './shared/server';

const browser = withExtensionBrowser();

interface Seen {
  upgraded: string[];
  shadows: unknown[];
  messages: string[];
}
const seen = (page: Page) => page.evaluate(() => (window as unknown as { __seen: Seen }).__seen);

async function writeNote(page: Page, from: string, to: string, text: string): Promise<string> {
  const before = Object.keys(await drawnHighlights(page));
  await selectByMouse(page, from, to);
  await page.keyboard.press('n');
  await noteEditor(page);
  await page.keyboard.type(text);
  await page.keyboard.press('Control+Enter');
  const card = await cardFrame(page);
  await card.locator('.markdown').waitFor();
  await page.keyboard.press('Escape');
  const id = Object.keys(await drawnHighlights(page)).find((k) => !before.includes(k));
  if (!id) throw new Error('no new highlight');
  return id;
}

const backgroundOf = (page: Page, text: string) =>
  page.evaluate((t) => {
    const piece = [...document.querySelectorAll('mark[data-annotation-id]')].find((m) =>
      m.textContent?.includes(t),
    );
    if (!piece) return null;
    const style = getComputedStyle(piece);
    return { display: style.display, background: style.backgroundColor };
  }, text);

describe('a page that took Gloss’s names and prototypes before it ran', () => {
  it('highlights and notes work, and no page code ever runs on Gloss’s elements', async () => {
    const page = await openArticle(browser.session.context, uniquePage(browser.url, 'hostile-names.html'));
    await selectByMouse(page, 'ferry leaves', 'tide allows');
    await page.keyboard.press('h');
    await expect
      .poll(async () => Object.values(await drawnHighlights(page)))
      .toEqual(['ferry leaves the northern pier at dawn and returns when the tide allows']);
    // The page's `mark { display: none !important }` loses to the user-origin sheet.
    expect(await backgroundOf(page, 'ferry')).toEqual({
      display: 'inline',
      background: 'rgba(255, 214, 0, 0.42)',
    });
    await writeNote(page, 'harbour master', 'every crossing', 'Ask about the *ledger*.');
    await expect.poll(() => marginTexts(page)).toEqual(['Ask about the ledger.']);
    const what = await seen(page);
    expect(what.upgraded).toEqual([]); // no page constructor or prototype override ran for Gloss
    expect(what.shadows).toHaveLength(0); // Gloss's root never went through the page's attachShadow
    await page.close();
  });
});

describe('a page that replays what it sees and WXT’s “started” event', () => {
  it('cannot switch Gloss off, before or after the annotator loads, and hears nothing from Gloss', async () => {
    const page = await openArticle(browser.session.context, uniquePage(browser.url, 'hostile-names.html'));
    const id = browser.session.extensionId;
    await page.evaluate(
      (ext) => (window as unknown as { __switchOff: (e: string) => void }).__switchOff(ext),
      id,
    );
    await selectByMouse(page, 'ferry leaves', 'northern pier');
    await page.keyboard.press('h'); // answered by the boot script
    await expect
      .poll(async () => Object.values(await drawnHighlights(page)))
      .toEqual(['ferry leaves the northern pier']);
    await page.evaluate(
      (ext) => (window as unknown as { __switchOff: (e: string) => void }).__switchOff(ext),
      id,
    );
    await selectByMouse(page, 'harbour master', 'ledger');
    await page.keyboard.press('h'); // answered by the annotator
    await expect.poll(async () => Object.values(await drawnHighlights(page))).toHaveLength(2);
    await page.locator('mark[data-annotation-id]', { hasText: 'ferry' }).first().click();
    await cardFrame(page); // still answers clicks
    const messages = (await seen(page)).messages.filter(
      (m) => !m.includes('attacker') && !m.includes('replayed'),
    );
    expect(messages).toEqual([]); // Gloss posted nothing to the page's window
    const timing = await page.evaluate(() =>
      performance
        .getEntriesByType('mark')
        .concat(performance.getEntriesByType('measure'))
        .map((e) => e.name),
    );
    expect(timing.filter((name) => /gloss/i.test(name))).toEqual([]);
    await page.close();
  });
});

describe('a page that frames Gloss’s note page', () => {
  it('shows nothing, does nothing, and answers for a real id exactly as for a made-up one', async () => {
    const page = await openArticle(browser.session.context, uniquePage(browser.url, 'hostile-names.html'));
    const id = await writeNote(page, 'ferry leaves', 'tide allows', 'Private: the crossing at four.');
    const ext = browser.session.extensionId;
    // Gloss's own note frames carry nothing the page could reuse in their URLs.
    const resources = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((n) => n.includes('note-editor')),
    );
    for (const name of resources) expect(name).toMatch(/note-editor\.html$/);

    for (const target of [id, 'made-up-id']) {
      await page.evaluate(
        ([e, t]) => (window as unknown as { __frameNote: (e: string, t: string) => void }).__frameNote(e, t),
        [ext, target] as const,
      );
    }
    const decoys = () => page.frames().filter((f) => f.url().includes('note-editor.html?id='));
    await expect.poll(() => decoys().length).toBe(2);
    for (const frame of decoys()) await frame.waitForLoadState();
    // A card Gloss opens afterwards redeems its ticket after the decoys' forged offers were
    // answered (one queue in the background), so once it shows, the decoys had their chance.
    await page.locator('mark[data-annotation-id]').first().click();
    await (await cardFrame(page)).locator('.quote').waitFor();
    const bodies = await Promise.all(decoys().map((f) => f.evaluate(() => document.body.innerHTML)));
    expect(bodies[0]).toBe(bodies[1]);
    expect(bodies[0]).not.toContain('crossing');
    expect(bodies[0]).not.toContain('card');
    // The reader clicks where the decoy sits (where a Delete button would be): nothing happens.
    const box = await page.locator('iframe.decoy').first().boundingBox();
    if (box) await page.mouse.click(box.x + box.width / 2, box.y + box.height - 20);
    const messages = (await seen(page)).messages.filter((m) => !m.includes('attacker'));
    expect(messages.filter((m) => m.includes('port:') || m.includes('resize'))).toEqual([]);
    await page.reload();
    await expect.poll(() => marginTexts(page)).toEqual(['Private: the crossing at four.']);
    await page.close();
  });
});

describe('pages Gloss must still work on', () => {
  it('a page served with default-src and style-src none: highlights are visible, notes open', async () => {
    const page = await openArticle(browser.session.context, uniquePage(browser.url, 'strict-csp.html'));
    await selectByMouse(page, 'archive keeps', 'were written');
    await page.keyboard.press('h');
    await expect.poll(async () => Object.values(await drawnHighlights(page))).toHaveLength(1);
    expect((await backgroundOf(page, 'archive'))?.background).toBe('rgba(255, 214, 0, 0.42)');
    await writeNote(page, 'Nothing on this page', 'of its own', 'Strict, yet *annotated*.');
    await page.locator('mark[data-annotation-id]', { hasText: 'Nothing' }).first().click();
    await expect
      .poll(async () => (await cardFrame(page)).locator('.markdown em').textContent())
      .toBe('annotated');
    await page.close();
  });

  it('text nested 5,000 elements deep is highlighted and found again', async () => {
    const page = await openArticle(browser.session.context, uniquePage(browser.url, 'deep.html'));
    await selectByMouse(page, 'innermost sentence', 'elements deep');
    await page.keyboard.press('h');
    await expect
      .poll(async () => Object.values(await drawnHighlights(page)))
      .toEqual(['innermost sentence sits five thousand elements deep']);
    await page.reload();
    await expect
      .poll(async () => Object.values(await drawnHighlights(page)))
      .toEqual(['innermost sentence sits five thousand elements deep']);
    await page.close();
  });
});

describe('a note with a remote image (a beacon)', () => {
  it('loads nothing when shown in the card, the margin or the library, until the reader asks', async () => {
    // tests/e2e/pages/beacon.png is a real 1×1 image, so the load the reader asks for is seen to work.
    const page = await openArticle(browser.session.context, uniquePage(browser.url, 'article.html'));
    const beacon = `${browser.url}/beacon.png?from=note`;
    await writeNote(page, 'two principal', 'goals', `Tracked? ![pixel](${beacon})`);
    await page.reload();
    await expect.poll(async () => (await marginTexts(page)).join('')).toContain('Tracked?');
    const library = await browser.session.context.newPage();
    await library.goto(extensionPage(browser.session, 'library.html'));
    const show = library.getByRole('button', { name: 'Show 1 remote image' });
    await show.waitFor();
    expect(browser.requests.filter((r) => r.startsWith('/beacon.png'))).toEqual([]);
    await show.click();
    await expect.poll(() => browser.requests.filter((r) => r.startsWith('/beacon.png')).length).toBe(1);
    await expect
      .poll(() =>
        library
          .locator('.markdown img')
          .first()
          .evaluate((img) => (img as HTMLImageElement).naturalWidth),
      )
      .toBe(1);
    await library.close();
    await page.close();
  });
});
