/**
 * A hostile page in Firefox: it records keys, mutations, DOM and shadow-root walks, iframe
 * contents and messages into `window.__spy` (tests/e2e/pages/hostile.html). None of that
 * may contain a note, neither while it is typed nor when it is shown in the margin.
 */
import { describe, expect, it } from 'vitest';
import {
  marginTexts,
  noteEditor,
  openArticle,
  POLL,
  pressCtrlEnter,
  selectByMouse,
  uniquePage,
  waitForHighlights,
  withFirefox,
} from './harness';

const SECRET = 'Rendezvous at pier nine';
const firefox = withFirefox();

interface Spy {
  keys: string[];
  walks: string[];
}

describe('a hostile page in Firefox', () => {
  it('cannot read a note while it is typed, saved or shown in the margin', async () => {
    const page = await openArticle(firefox.session, uniquePage(firefox.url, 'hostile.html'));
    await selectByMouse(page, 'seven boats', 'lighthouse keeper');
    await page.keyboard.press('n');
    const card = await noteEditor(page);
    await page.keyboard.type(SECRET);
    await pressCtrlEnter(page);
    await expect
      .poll(() => card.evaluate(() => document.querySelector('.markdown')?.textContent ?? ''))
      .toContain(SECRET);
    await page.keyboard.press('Escape');

    await page.reload({ waitUntil: 'load' });
    await waitForHighlights(page, 1);
    await expect.poll(() => marginTexts(page), { timeout: 15_000 }).toEqual([SECRET]);
    // Let the page's periodic walk (every 200 ms) run twice over the drawn margin note.
    const walks = await page.evaluate(() => (window as unknown as { __spy: Spy }).__spy.walks.length);
    await page.waitForFunction(
      (n: number) => (window as unknown as { __spy: Spy }).__spy.walks.length >= n + 2,
      { polling: POLL },
      walks,
    );
    const spy = await page.evaluate(() => JSON.stringify((window as unknown as { __spy: Spy }).__spy));
    expect(spy.length).toBeGreaterThan(1000); // the spy really ran
    expect(spy).not.toContain('pier nine');
    expect(spy).not.toContain('Rendezvous');
    await page.close();
  });
});
