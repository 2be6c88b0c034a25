import { describe, expect, it } from 'vitest';
import {
  cardFrame,
  drawnHighlights,
  openArticle,
  selectByMouse,
  setHighlightsVisible,
  storedIds,
  waitForSaved,
  withExtensionBrowser,
} from './harness';
import { uniquePage } from './shared/server';

const browser = withExtensionBrowser();

/** A test page under a page key of the calling test's own. */
const testPage = (path: string) => uniquePage(browser.url, path);

const texts = async (page: Parameters<typeof drawnHighlights>[0]) =>
  Object.values(await drawnHighlights(page)).sort();

describe('pages that change under Gloss', () => {
  it('draws a highlight when its text arrives after load, and again after a re-render', async () => {
    const page = await openArticle(browser.session.context, testPage('late.html'));
    await page.getByText('Curlews work').waitFor();
    await selectByMouse(page, 'Curlews work', 'long bills');
    await page.keyboard.press('h');
    await expect.poll(() => texts(page)).toEqual(['Curlews work the mud with long bills']);
    await waitForSaved(browser.session, page);

    await page.reload();
    await page.getByText('Curlews work').waitFor();
    await expect.poll(() => texts(page)).toEqual(['Curlews work the mud with long bills']);

    await page.evaluate(() => (window as unknown as { __rerender: () => void }).__rerender());
    expect(await page.locator('mark[data-annotation-id]').count()).toBe(0); // the page threw our nodes away
    await expect.poll(() => texts(page)).toEqual(['Curlews work the mud with long bills']);
    await page.close();
  });

  it('follows single-page navigations: clears the old page and draws the new one', async () => {
    const page = await openArticle(browser.session.context, testPage('spa.html?story=one'));
    await selectByMouse(page, 'one hundred', 'twelve steps');
    await page.keyboard.press('h');
    await expect.poll(() => texts(page)).toEqual(['one hundred and twelve steps']);

    await page.getByRole('link', { name: 'Story two' }).click();
    await page.getByText('old pear tree').waitFor();
    await expect.poll(() => texts(page)).toEqual([]);
    await selectByMouse(page, 'old pear', 'tree');
    await page.keyboard.press('h');
    await expect.poll(() => texts(page)).toEqual(['old pear tree']);

    await page.goBack();
    await page.getByText('The keeper climbed').waitFor();
    await expect.poll(() => texts(page)).toEqual(['one hundred and twelve steps']);
    await page.close();
  });
});

describe('web components', () => {
  it('highlights a passage inside an open shadow root and finds it again', async () => {
    const page = await openArticle(browser.session.context, testPage('shadow.html'));
    const inShadow = () =>
      page.evaluate(() =>
        [...(document.querySelector('story-card')?.shadowRoot?.querySelectorAll('mark') ?? [])]
          .map((e) => e.textContent)
          .join(''),
      );
    const box = await page.evaluate(() => {
      const text = document.querySelector('story-card')?.shadowRoot?.querySelector('p')?.firstChild as Text;
      const at = text.data.indexOf('the heron');
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + 1);
      const a = range.getBoundingClientRect();
      range.setStart(text, text.data.indexOf('sluice gate') + 'sluice gate'.length - 1);
      range.setEnd(text, text.data.indexOf('sluice gate') + 'sluice gate'.length);
      const b = range.getBoundingClientRect();
      return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
    });
    await page.mouse.move(box.x1, box.y1);
    await page.mouse.down();
    await page.mouse.move(box.x2, box.y2, { steps: 6 });
    await page.mouse.up();
    await page.keyboard.press('h');
    await expect.poll(inShadow).toBe('the heron waited by the sluice gate');
    // Saved before the reload (the highlight inside the component is out of a document query's reach).
    await expect.poll(async () => (await storedIds(browser.session, page.url())).length).toBe(1);
    await page.reload();
    await expect.poll(inShadow).toBe('the heron waited by the sluice gate');
    // A click on a highlight inside the component opens its card.
    await page.locator('story-card mark').click();
    await cardFrame(page);
    await page.keyboard.press('Escape');
    // Hiding highlights reaches into the component too.
    const background = () =>
      page.evaluate(() => {
        const piece = document.querySelector('story-card')?.shadowRoot?.querySelector('mark');
        return piece ? getComputedStyle(piece).backgroundColor : '';
      });
    expect(await background()).not.toBe('rgba(0, 0, 0, 0)');
    await setHighlightsVisible(browser.session, page, false);
    await expect.poll(background).toBe('rgba(0, 0, 0, 0)');
    await page.close();
  });
});
