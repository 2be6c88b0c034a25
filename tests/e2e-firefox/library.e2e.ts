/**
 * The library in Firefox ESR: search with the count and the matched word marked, a delete
 * from the library that the open article follows and an Undo from the toast that draws the
 * passage again, and a bulk recolour the article follows, undone with Ctrl+Z. The library
 * is opened from one of Gloss's note frames (BiDi cannot navigate to moz-extension://,
 * see harness.ts). Each test has a Firefox profile of its own, so the library holds only
 * the two annotations the test made.
 */
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  buttonNamed,
  drawnHighlights,
  type FirefoxSession,
  HIGHLIGHT_SELECTOR,
  launch,
  openArticle,
  openExtensionPage,
  POLL,
  removeProfile,
  selectByMouse,
  startServer,
  type TestServer,
  uniquePage,
  waitForHighlights,
  writeNote,
} from './harness';

const WAIT = { timeout: 15_000 };
const PLAIN = 'Sophisticated attacks outside ISIS-controlled territory require trained fighters';
const NOTED = 'Mohammed al-Adnani';
const NOTE = 'The *spokesperson* urges a jihad at home.';

let server: TestServer | undefined;
let session: FirefoxSession | undefined;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());
afterEach(async () => {
  await session?.close();
  if (session) removeProfile(session.profile);
  session = undefined;
});

interface Opened {
  firefox: FirefoxSession;
  article: Page;
  library: Page;
}

/**
 * A new Firefox with the article open, a plain highlight (`h`) and a note on it, and the
 * library opened in front once it lists both.
 */
async function articleAndLibrary(): Promise<Opened> {
  if (!server) throw new Error('the server is not running');
  const firefox = await launch();
  session = firefox;
  const article = await openArticle(firefox, uniquePage(server.url, 'article.html'));
  await selectByMouse(article, 'Sophisticated attacks', 'trained fighters');
  await article.keyboard.press('h');
  // Keys pressed while the annotator is still loading make one annotation: wait for the first.
  expect(await waitForHighlights(article, 1)).toEqual([PLAIN]);
  await writeNote(article, 'Mohammed al-Adnani', 'jihad at home', NOTE);
  await waitForHighlights(article, 2);
  const library = await openExtensionPage(firefox, article, 'library.html');
  await expect.poll(() => countText(library), WAIT).toBe('2 of 2 annotations');
  await expect.poll(() => library.$$eval('article.item', (items) => items.length), WAIT).toBe(2);
  return { firefox, article, library };
}

/** The library's count line (`header .count`). */
const countText = (library: Page) =>
  library.$eval('header .count', (el) => el.textContent?.trim() ?? '').catch(() => '');

/** The texts of the words marked as matches in the library's rows. */
const marked = (library: Page) =>
  library.$$eval('article.item mark.match', (marks) => marks.map((m) => m.textContent ?? ''));

/** The library's row whose quote includes `text`, waited for in the virtualised list. */
async function rowWith(library: Page, text: string): Promise<ElementHandle<Element>> {
  const handle = await library.waitForFunction(
    (t: string) =>
      Array.from(document.querySelectorAll('.row[data-group] article.item')).find((item) =>
        item.querySelector('.quote')?.textContent?.includes(t),
      ),
    { ...WAIT, polling: POLL },
    text,
  );
  const row = handle.asElement();
  if (!row) throw new Error(`no row with “${text}”`);
  return row as ElementHandle<Element>;
}

/** The enabled button named `name` inside `within`. */
async function buttonIn(within: ElementHandle<Element>, name: string): Promise<ElementHandle<Element>> {
  for (const button of await within.$$('button')) {
    const label = await button.evaluate(
      (b) => !(b as HTMLButtonElement).disabled && (b.getAttribute('aria-label') ?? b.textContent?.trim()),
    );
    if (label === name) return button;
  }
  throw new Error(`no button “${name}”`);
}

/** The text of the library's toast, or '' while there is none. */
const toastText = (library: Page) => library.$eval('.toast', (el) => el.textContent ?? '').catch(() => '');

/** The colour classes of the highlight whose drawn text includes `text` in the article. */
const colorsOf = (article: Page, text: string) =>
  article.evaluate(
    (selector: string, t: string) => {
      const pieces = Array.from(document.querySelectorAll(selector));
      const texts = new Map<string, string>();
      for (const piece of pieces) {
        const id = piece.getAttribute('data-annotation-id') ?? '';
        texts.set(id, (texts.get(id) ?? '') + piece.textContent);
      }
      const ids = new Set([...texts].filter(([, drawn]) => drawn.includes(t)).map(([id]) => id));
      const colors = new Set<string>();
      for (const piece of pieces) {
        if (!ids.has(piece.getAttribute('data-annotation-id') ?? '')) continue;
        for (const name of piece.classList) {
          if (/^gloss-hl-(yellow|green|blue|pink|purple)$/.test(name)) colors.add(name);
        }
      }
      return [...colors];
    },
    HIGHLIGHT_SELECTOR,
    text,
  );

/** Replaces what the search box holds with `text`, typed key by key (Ctrl+A, then the keys). */
async function search(library: Page, text: string): Promise<void> {
  const box = await library.waitForSelector('input[type="search"][aria-label="Search annotations"]', WAIT);
  if (!box) throw new Error('no search box');
  await box.click();
  await library.keyboard.down('Control');
  await library.keyboard.press('a');
  await library.keyboard.up('Control');
  if (text) await library.keyboard.type(text);
  else await library.keyboard.press('Backspace');
}

describe('the library in Firefox', () => {
  it('searches as the reader types: the count narrows to 1 of 2 and the word is marked', async () => {
    const { library } = await articleAndLibrary();
    await search(library, 'sophisticated');
    await expect.poll(() => countText(library), WAIT).toBe('1 of 2 annotations');
    await expect.poll(() => marked(library), WAIT).toEqual(['Sophisticated']);
    const rows = await library.$$eval('article.item .quote', (quotes) => quotes.map((q) => q.textContent));
    expect(rows).toEqual([PLAIN]);

    // A word of the note: the note is shown as plain text with the word marked.
    await search(library, 'spokesperson');
    await expect.poll(() => countText(library), WAIT).toBe('1 of 2 annotations');
    await expect
      .poll(() => library.$$eval('.note-text mark.match', (marks) => marks.map((m) => m.textContent)), WAIT)
      .toEqual(['spokesperson']);

    // Emptied, the search shows everything again, with nothing marked.
    await search(library, '');
    await expect.poll(() => countText(library), WAIT).toBe('2 of 2 annotations');
    expect(await marked(library)).toEqual([]);
  });

  it('deletes from the library and the open article loses the highlight; Undo in the toast draws it again', async () => {
    const { article, library } = await articleAndLibrary();
    const before = await drawnHighlights(article);
    const row = await rowWith(library, PLAIN);
    await (await buttonIn(row, 'Delete')).click();

    await expect.poll(() => countText(library), WAIT).toBe('1 of 1 annotations');
    await expect.poll(() => toastText(library), WAIT).toContain('Deleted 1 annotation');
    // The article, open in the tab behind, follows at once: the plain highlight goes, the note stays.
    await expect
      .poll(async () => Object.values(await drawnHighlights(article)), WAIT)
      .toEqual([expect.stringContaining(NOTED)]);

    const toast = await library.waitForSelector('.toast', WAIT);
    if (!toast) throw new Error('no toast');
    await (await buttonIn(toast, 'Undo')).click();
    await expect.poll(() => countText(library), WAIT).toBe('2 of 2 annotations');
    await expect.poll(() => drawnHighlights(article), WAIT).toEqual(before);
    await rowWith(library, PLAIN);
  });

  it('recolours the selection in bulk, the article follows, and Ctrl+Z takes it back', async () => {
    const { article, library } = await articleAndLibrary();
    expect(await colorsOf(article, PLAIN)).toEqual(['gloss-hl-yellow']);

    const box = await (await rowWith(library, PLAIN)).$('input.item-select');
    if (!box) throw new Error('no tick box');
    await box.click();
    const bulk = await library.waitForSelector('section[aria-label="Selected annotations"]', WAIT);
    if (!bulk) throw new Error('no bulk bar');
    await expect.poll(() => bulk.evaluate((el) => el.textContent ?? ''), WAIT).toContain('1 selected');
    const green = await bulk.waitForSelector(
      '[role="radiogroup"][aria-label="Colour for the selection"] [role="radio"][aria-label="Green"]',
    );
    if (!green) throw new Error('no green swatch');
    await green.click();
    await expect.poll(() => green.evaluate((el) => el.getAttribute('aria-checked')), WAIT).toBe('true');
    await (await buttonNamed(library, 'Recolour')).click();

    await expect.poll(() => toastText(library), WAIT).toContain('Recoloured 1 annotation');
    await expect.poll(() => colorsOf(article, PLAIN), WAIT).toEqual(['gloss-hl-green']);
    // The other one was not selected and keeps its colour.
    expect(await colorsOf(article, NOTED)).toEqual(['gloss-hl-yellow']);
    await expect
      .poll(
        async () =>
          (await rowWith(library, PLAIN)).evaluate(
            (el) => el.querySelector('.color-name')?.textContent ?? '',
          ),
        WAIT,
      )
      .toContain('Green');

    // Ctrl+Z with the focus on the page, not in a field, undoes the recolour everywhere.
    await library.click('h1');
    await library.keyboard.down('Control');
    await library.keyboard.press('z');
    await library.keyboard.up('Control');
    await expect.poll(() => toastText(library), WAIT).toContain('Undone');
    await expect.poll(() => colorsOf(article, PLAIN), WAIT).toEqual(['gloss-hl-yellow']);
  });
});
