/**
 * Export in Firefox. Export lives on the extension pages (library, popup, side panel);
 * BiDi cannot open those by URL, so the library is opened from one of Gloss's note frames
 * in the article (see harness.ts). The files are real downloads into the profile's folder.
 */
import { describe, expect, it } from 'vitest';
import {
  buttonNamed,
  download,
  noteEditor,
  openArticle,
  openExtensionPage,
  POLL,
  pressCtrlEnter,
  selectByMouse,
  uniquePage,
  waitForHighlights,
  withFirefox,
} from './harness';

const firefox = withFirefox();
const QUOTE = 'Sophisticated attacks outside ISIS-controlled territory require trained fighters';
const NOTE = 'Exported from Firefox';

describe('export in Firefox', () => {
  it('downloads the library as JSON and Markdown with the new note in it', async () => {
    const url = uniquePage(firefox.url, 'article.html');
    const page = await openArticle(firefox.session, url);
    await selectByMouse(page, 'Sophisticated attacks', 'trained fighters');
    await page.keyboard.press('n');
    const card = await noteEditor(page);
    await page.keyboard.type(NOTE);
    await pressCtrlEnter(page);
    await expect
      .poll(() => card.evaluate(() => document.querySelector('.markdown')?.textContent ?? ''))
      .toContain(NOTE);
    expect(await waitForHighlights(page, 1)).toEqual([QUOTE]);

    const library = await openExtensionPage(firefox.session, page, 'library.html');
    await library.waitForFunction(
      (quote: string) =>
        Array.from(document.querySelectorAll('.item')).some((i) => i.textContent?.includes(quote)),
      { timeout: 15_000, polling: POLL },
      QUOTE,
    );

    const json = await download(firefox.session, async () =>
      (await buttonNamed(library, 'Export JSON')).click(),
    );
    expect(json.file).toMatch(/^gloss-\d{4}-\d{2}-\d{2}\.json$/);
    const collection = JSON.parse(json.text) as { type: string };
    expect(collection.type).toBe('AnnotationCollection');
    const exported = JSON.stringify(collection);
    expect(exported).toContain(QUOTE);
    expect(exported).toContain(NOTE);
    expect(exported).toContain(url);

    const md = await download(firefox.session, async () =>
      (await buttonNamed(library, 'Export Markdown')).click(),
    );
    expect(md.file).toMatch(/^gloss-\d{4}-\d{2}-\d{2}(\(\d+\))?\.md$/);
    expect(md.text.startsWith('# Gloss highlights')).toBe(true);
    expect(md.text).toContain('#:~:text=');
    expect(md.text).toContain(NOTE);
    await library.close();
    await page.close();
  });
});
