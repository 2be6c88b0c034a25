import { describe, expect, it } from 'vitest';
import { drawnHighlights, openArticle, selectByMouse, withExtensionBrowser } from './harness';

const browser = withExtensionBrowser();

const texts = async (page: Parameters<typeof drawnHighlights>[0]) =>
  Object.values(await drawnHighlights(page)).sort();

describe('pages that change under Gloss', () => {
  it('draws a highlight when its text arrives after load, and again after a re-render', async () => {
    const page = await openArticle(browser.session.context, `${browser.url}/late.html`);
    await page.getByText('Curlews work').waitFor();
    await selectByMouse(page, 'Curlews work', 'long bills');
    await page.keyboard.press('h');
    await expect.poll(() => texts(page)).toEqual(['Curlews work the mud with long bills']);

    await page.reload();
    await page.getByText('Curlews work').waitFor();
    await expect.poll(() => texts(page)).toEqual(['Curlews work the mud with long bills']);

    await page.evaluate(() => (window as unknown as { __rerender: () => void }).__rerender());
    expect(await page.locator('gloss-highlight').count()).toBe(0); // the page threw our nodes away
    await expect.poll(() => texts(page)).toEqual(['Curlews work the mud with long bills']);
    await page.close();
  });

  it('follows single-page navigations: clears the old page and draws the new one', async () => {
    const page = await openArticle(browser.session.context, `${browser.url}/spa.html?story=one`);
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
