/**
 * The reading loop in Firefox ESR: highlight with `h`, write a note with `n`, find both
 * again after a reload and after a browser restart on the same profile.
 */
import { describe, expect, it } from 'vitest';
import {
  HIGHLIGHT_SELECTOR,
  launch,
  marginTexts,
  newProfile,
  noteEditor,
  openArticle,
  POLL,
  pressCtrlEnter,
  removeProfile,
  selectByMouse,
  uniquePage,
  waitForHighlights,
  withFirefox,
} from './harness';

const firefox = withFirefox();

describe('the reading loop in Firefox', () => {
  it('highlights a mouse selection across a link and <em> with h', async () => {
    const page = await openArticle(firefox.session, uniquePage(firefox.url, 'article.html'));
    await selectByMouse(page, 'Jessica Stern', 'on-line magazine', true);
    await page.waitForFunction(() => document.getSelection()?.toString().includes('Dabiq'), {
      polling: POLL,
    });
    await page.keyboard.press('h');
    await page.waitForSelector(HIGHLIGHT_SELECTOR);
    expect(await waitForHighlights(page, 1)).toEqual([
      'Jessica Stern writes: In the latest issue of Dabiq, ISIS’s on-line magazine',
    ]);
    // One highlight drawn in several pieces (text, link, <em>), all with the same id.
    expect(await page.$$eval(HIGHLIGHT_SELECTOR, (els) => els.length)).toBeGreaterThanOrEqual(3);
    await page.close();
  });

  it('writes a note with n and Ctrl+Enter; after a reload the highlight and margin note are back', async () => {
    const url = uniquePage(firefox.url, 'article.html');
    const page = await openArticle(firefox.session, url);
    await selectByMouse(page, 'prophesized to be held', 'necessary to achieve');
    await page.waitForFunction(() => document.getSelection()?.toString().includes('necessary to achieve'), {
      polling: POLL,
    });
    await page.keyboard.press('n');
    const card = await noteEditor(page);
    await page.keyboard.type('Two **options**, one goal.');
    await pressCtrlEnter(page);
    // Saved: the card shows the note rendered from Markdown.
    await expect
      .poll(() => card.evaluate(() => document.querySelector('.markdown strong')?.textContent ?? null))
      .toBe('options');

    await page.reload({ waitUntil: 'load' });
    const [text] = await waitForHighlights(page, 1);
    expect(text?.startsWith('prophesized to be held at Dabiq in Syria.”')).toBe(true);
    expect(text?.endsWith('necessary to achieve')).toBe(true);
    await expect.poll(() => marginTexts(page), { timeout: 15_000 }).toEqual(['Two options, one goal.']);
    await page.close();
  });
});

describe('after a browser restart', () => {
  it('draws the highlight again from the same profile', async () => {
    const profile = newProfile();
    let session = await launch(profile);
    try {
      const url = uniquePage(firefox.url, 'article.html');
      const page = await openArticle(session, url);
      await selectByMouse(page, 'Mohammed al-Adnani', 'jihad at home');
      await page.keyboard.press('h');
      await waitForHighlights(page, 1);
      await session.close();

      session = await launch(profile);
      const again = await openArticle(session, url);
      const [text] = await waitForHighlights(again, 1);
      expect(text).toBe(
        'Mohammed al-Adnani, official spokesperson of ISIS leader Abu Bakr al-Baghdadi, has repeatedly urged Muslims to carry out a jihad at home',
      );
    } finally {
      await session.close();
      removeProfile(profile);
    }
  });
});
