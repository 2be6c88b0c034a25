/**
 * MV3 stops the service worker whenever it likes, also in the middle of a save. The test
 * makes that moment certain: an extension page holds a write lock on the annotations store,
 * so the note's save waits inside the worker; the worker is stopped there (CDP), the lock
 * released, and the note must still land, retried by the frame that sent it.
 */
import { describe, expect, it } from 'vitest';
import {
  cardFrame,
  extensionPage,
  marginTexts,
  noteEditor,
  openArticle,
  selectByMouse,
  withExtensionBrowser,
} from './harness';
import { uniquePage } from './shared/server';

const browser = withExtensionBrowser();

describe('the service worker stopped in the middle of a save', () => {
  it('keeps the typed note and saves it once the worker is back', async () => {
    const { context } = browser.session;
    const page = await openArticle(context, uniquePage(browser.url, 'article.html'));
    await selectByMouse(page, 'two principal', 'goals');
    await page.keyboard.press('n');
    await noteEditor(page);
    await page.keyboard.type('Written while the worker died.');

    // Hold the annotations store: the worker's save will wait behind this transaction.
    const holder = await context.newPage();
    await holder.goto(extensionPage(browser.session, 'popup.html'));
    await holder.evaluate(
      (name) =>
        new Promise<void>((locked) => {
          const open = indexedDB.open(name);
          open.onsuccess = () => {
            const tx = open.result.transaction('annotations', 'readwrite');
            const store = tx.objectStore('annotations');
            const w = window as unknown as { __hold: boolean };
            w.__hold = true;
            const spin = () => {
              if (w.__hold) store.count().onsuccess = spin;
            };
            spin();
            locked();
          };
        }),
      'gloss',
    );
    await page.keyboard.press('Control+Enter');
    const card = await cardFrame(page);
    // Still unsaved: the editor keeps the text while the worker waits on the lock.
    expect(await card.getByRole('textbox', { name: 'Note' }).inputValue()).toBe(
      'Written while the worker died.',
    );

    const cdp = await context.newCDPSession(holder);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await holder.evaluate(() => {
      (window as unknown as { __hold: boolean }).__hold = false;
    });
    await cdp.detach();

    await expect
      .poll(() => card.locator('.markdown').textContent(), { timeout: 20_000 })
      .toContain('Written while the worker died.');
    await page.keyboard.press('Escape');
    await page.reload();
    await expect.poll(async () => (await marginTexts(page)).join('')).toBe('Written while the worker died.');
    await holder.close();
    await page.close();
  });
});
