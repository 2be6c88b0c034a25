import { describe, expect, it } from 'vitest';
import {
  drawnHighlights,
  extensionPage,
  noteEditor,
  openArticle,
  selectByMouse,
  withExtensionBrowser,
} from './harness';

const SECRET = 'Rendezvous at pier nine';
const browser = withExtensionBrowser();

async function libraryCount(): Promise<number> {
  const library = await browser.session.context.newPage();
  await library.goto(extensionPage(browser.session, 'library.html'));
  await library.getByText(/ of \d+ annotations?$/).waitFor();
  const count = await library.locator('.item').count();
  await library.close();
  return count;
}

describe('a hostile page', () => {
  it('cannot read a note while it is typed, saved or shown in the margin', async () => {
    const page = await openArticle(browser.session.context, `${browser.url}/hostile.html`);
    await selectByMouse(page, 'seven boats', 'lighthouse keeper');
    await page.keyboard.press('n');
    await noteEditor(page);
    await page.keyboard.type(SECRET);
    await page.keyboard.press('Control+Enter');
    await page.keyboard.press('Escape');
    await page.reload();
    await page.waitForSelector('mark[data-annotation-id]');
    const margin = page.frameLocator('iframe.margin-frame');
    await expect.poll(() => margin.locator('.markdown').textContent()).toContain(SECRET);
    await page.waitForTimeout(500); // let the page's periodic walk run over the drawn note
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
    const before = await libraryCount();
    expect(before).toBe(1);
    const page = await openArticle(browser.session.context, `${browser.url}/hostile.html`);
    await page.waitForSelector('mark[data-annotation-id]');
    const drawnBefore = await drawnHighlights(page);
    await page.evaluate(() => (window as unknown as { __forge: () => void }).__forge());
    await page.waitForTimeout(800);
    expect(await page.locator('iframe.frame').count()).toBe(0); // a synthetic click opened no card
    expect(await drawnHighlights(page)).toEqual(drawnBefore);
    expect(await libraryCount()).toBe(before);
    await page.close();
  });
});
