/**
 * The page attacks of tests/e2e/hostile-attacks.e2e.ts, tried in Firefox ESR on the same
 * pages. Firefox differs where these attacks aim: content scripts reach the page through
 * Xray wrappers, the highlight sheet is Firefox's own kind of user sheet, extension frames
 * have a moz-extension://UUID origin the page does not know, `runtime.id` is the add-on id
 * (not that UUID), and Firefox lays out no more than about 1,000 nested elements. The
 * decoy-frame test plays a page that learned the UUID anyway.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import {
  buttonNamed,
  clickHighlight,
  drawnHighlights,
  marginTexts,
  noteFrame,
  noteFrames,
  openArticle,
  openExtensionPage,
  POLL,
  selectByMouse,
  settle,
  uniquePage,
  withFirefox,
  writeNote,
} from './harness';

const firefox = withFirefox();
/** The yellow of lib/highlight/styles.ts, as getComputedStyle reports it. */
const YELLOW = 'rgba(255, 214, 0, 0.42)';
const WAIT = { timeout: 15_000 };

interface Seen {
  upgraded: string[];
  shadows: unknown[];
  messages: string[];
}
/** What hostile-names.html recorded (shadow roots as a count: they do not serialise). */
const seen = (page: Page) =>
  page.evaluate(() => {
    const { upgraded, shadows, messages } = (window as unknown as { __seen: Seen }).__seen;
    return { upgraded, shadows: shadows.length, messages };
  });

const texts = async (page: Page) => Object.values(await drawnHighlights(page));

/** How the first highlight piece containing `text` is displayed. */
const styleOf = (page: Page, text: string) =>
  page.evaluate((t: string) => {
    const piece = Array.from(document.querySelectorAll('mark[data-annotation-id]')).find((m) =>
      m.textContent?.includes(t),
    );
    if (!piece) return null;
    const style = getComputedStyle(piece);
    const box = piece.getBoundingClientRect();
    return {
      display: style.display,
      background: style.backgroundColor,
      shown: box.width > 0 && box.height > 0,
    };
  }, text);

/** The text of `selector` in the open card, once the card shows it. */
async function cardShows(page: Page, selector: string): Promise<string> {
  const card = await noteFrame(page, 'card');
  let text: string | null = null;
  await expect
    .poll(async () => {
      text = await card.evaluate((s: string) => document.querySelector(s)?.textContent ?? null, selector);
      return text !== null;
    }, WAIT)
    .toBe(true);
  return text ?? '';
}

describe('a page that took Gloss’s names and prototypes before it ran (Firefox)', () => {
  it('highlights and notes work, and no page code ever runs on Gloss’s elements', async () => {
    const page = await openArticle(firefox.session, uniquePage(firefox.url, 'hostile-names.html'));
    await selectByMouse(page, 'ferry leaves', 'tide allows');
    await page.keyboard.press('h');
    await expect
      .poll(() => texts(page), WAIT)
      .toEqual(['ferry leaves the northern pier at dawn and returns when the tide allows']);
    // The page's `mark { display: none !important }` loses to the user-origin sheet.
    expect(await styleOf(page, 'ferry')).toEqual({ display: 'inline', background: YELLOW, shown: true });
    await writeNote(page, 'harbour master', 'every crossing', 'Ask about the *ledger*.');
    await expect.poll(() => marginTexts(page), WAIT).toEqual(['Ask about the ledger.']);
    const what = await seen(page);
    expect(what.upgraded).toEqual([]); // no page constructor or prototype override ran for Gloss
    expect(what.shadows).toBe(0); // Gloss's root never went through the page's attachShadow
    await page.close();
  });
});

describe('a page that replays what it sees and WXT’s “started” event (Firefox)', () => {
  it('cannot switch Gloss off, before or after the annotator loads, and hears nothing from Gloss', async () => {
    const page = await openArticle(firefox.session, uniquePage(firefox.url, 'hostile-names.html'));
    // In Firefox `runtime.id` is the add-on id; the UUID of its origin is tried as well.
    const switchOff = () =>
      page.evaluate(
        (ids: string[]) => {
          for (const id of ids) (window as unknown as { __switchOff: (e: string) => void }).__switchOff(id);
        },
        [firefox.session.extensionId, firefox.session.extensionOrigin.replace('moz-extension://', '')],
      );
    await switchOff();
    await selectByMouse(page, 'ferry leaves', 'northern pier');
    await page.keyboard.press('h'); // answered by the boot script
    await expect.poll(() => texts(page), WAIT).toEqual(['ferry leaves the northern pier']);
    await switchOff();
    await selectByMouse(page, 'harbour master', 'ledger');
    await page.keyboard.press('h'); // answered by the annotator
    await expect.poll(async () => (await texts(page)).length, WAIT).toBe(2);
    await clickHighlight(page, 'ferry');
    expect(await cardShows(page, '.quote')).toBe('ferry leaves the northern pier'); // still answers clicks
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

describe('a page that frames Gloss’s note page (Firefox, the page knows the UUID)', () => {
  it('shows nothing, does nothing, and answers for a real id exactly as for a made-up one', async () => {
    const page = await openArticle(firefox.session, uniquePage(firefox.url, 'hostile-names.html'));
    const id = await writeNote(page, 'ferry leaves', 'tide allows', 'Private: the crossing at four.');
    const origin = firefox.session.extensionOrigin;
    // The origin handed to the attacker is really Gloss's: its own frames live there.
    const [margin] = await noteFrames(page, 'margin');
    expect(await margin?.evaluate(() => location.origin)).toBe(origin);
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
        (o: string, t: string) =>
          (window as unknown as { __frameNote: (e: string, t: string) => void }).__frameNote(o, t),
        origin,
        target,
      );
    }
    // BiDi names these frames about:blank; what loaded in them is asked from inside.
    const decoys = async () => {
      const found = [];
      for (const frame of page.frames()) {
        if (frame === page.mainFrame() || frame.detached) continue;
        const href = await frame.evaluate(() => location.href).catch(() => '');
        if (href.includes('note-editor.html?id=')) found.push(frame);
      }
      return found;
    };
    await expect.poll(async () => (await decoys()).length, WAIT).toBe(2);
    for (const frame of await decoys())
      await frame.waitForFunction(() => document.readyState === 'complete', { polling: POLL });
    // A card Gloss opens afterwards redeems its ticket after the decoys' forged offers were
    // answered (one queue in the background), so once it shows, the decoys had their chance.
    await clickHighlight(page, 'ferry');
    expect(await cardShows(page, '.quote')).toContain('ferry leaves');
    const bodies = await Promise.all((await decoys()).map((f) => f.evaluate(() => document.body.innerHTML)));
    expect(bodies).toHaveLength(2);
    expect(bodies[0]).toBe(bodies[1]);
    expect(bodies[0]).not.toContain('crossing');
    expect(bodies[0]).not.toContain('card');
    // The reader clicks where the decoy sits (where a Delete button would be): nothing happens.
    const box = await (await page.$('iframe.decoy'))?.boundingBox();
    if (box) await page.mouse.click(box.x + box.width / 2, box.y + box.height - 20);
    const messages = (await seen(page)).messages.filter((m) => !m.includes('attacker'));
    expect(messages.filter((m) => m.includes('port:') || m.includes('resize'))).toEqual([]);
    await page.reload({ waitUntil: 'load' });
    await expect.poll(() => marginTexts(page), WAIT).toEqual(['Private: the crossing at four.']);
    await page.close();
  });
});

describe('pages Gloss must still work on (Firefox)', () => {
  it('a page served with default-src and style-src none: highlights are visible, notes open', async () => {
    const page = await openArticle(firefox.session, uniquePage(firefox.url, 'strict-csp.html'));
    // The policy is in force: the page's own <style> and style attribute do nothing.
    const pageStyles = await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'h1 { color: rgb(255, 0, 0) !important; }';
      document.head.append(style);
      const p = document.createElement('p');
      p.setAttribute('style', 'color: rgb(0, 128, 0)');
      document.body.append(p);
      const colors = [
        getComputedStyle(document.querySelector('h1') as Element).color,
        getComputedStyle(p).color,
      ];
      style.remove();
      p.remove();
      return colors;
    });
    expect(pageStyles).toEqual(['rgb(0, 0, 0)', 'rgb(0, 0, 0)']);
    await selectByMouse(page, 'archive keeps', 'were written');
    await page.keyboard.press('h');
    await expect.poll(async () => (await texts(page)).length, WAIT).toBe(1);
    expect(await styleOf(page, 'archive')).toEqual({ display: 'inline', background: YELLOW, shown: true });
    await writeNote(page, 'Nothing on this page', 'of its own', 'Strict, yet *annotated*.');
    await clickHighlight(page, 'Nothing');
    expect(await cardShows(page, '.markdown em')).toBe('annotated');
    await page.close();
  });

  // Firefox lays out about 1,000 nested elements and no deeper: text 5,000 deep is in the
  // DOM but not on screen (no box, not in innerText), so no reader can select it there.
  it('on a page with text 5,000 elements deep (not laid out by Firefox), the rest is highlighted and found again', async () => {
    const page = await openArticle(firefox.session, uniquePage(firefox.url, 'deep.html'));
    const deepBox = await page.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!n.textContent?.includes('innermost')) continue;
        const range = document.createRange();
        range.selectNodeContents(n);
        return range.getBoundingClientRect().width;
      }
      return null;
    });
    expect(deepBox).toBe(0); // in the DOM, with no box on screen
    await selectByMouse(page, 'Above the depths', 'shallow paragraph');
    await page.keyboard.press('h');
    const drawn = ['Above the depths, a shallow paragraph'];
    await expect.poll(() => texts(page), WAIT).toEqual(drawn);
    await page.reload({ waitUntil: 'load' });
    await settle(page);
    await expect.poll(() => texts(page), WAIT).toEqual(drawn);
    await page.close();
  });

  it('text nested 1,000 elements deep (as deep as Firefox lays out) is highlighted and found again', async () => {
    const page = await openArticle(firefox.session, uniquePage(firefox.url, 'deep.html?depth=1000'));
    await selectByMouse(page, 'innermost sentence', 'elements deep');
    await page.keyboard.press('h');
    const drawn = ['innermost sentence sits five thousand elements deep'];
    await expect.poll(() => texts(page), WAIT).toEqual(drawn);
    // The highlight is drawn at the bottom of the nesting, not around it.
    expect(
      await page.evaluate(() => {
        let depth = 0;
        for (let el = document.querySelector('mark[data-annotation-id]'); el; el = el.parentElement) depth++;
        return depth;
      }),
    ).toBeGreaterThan(1000);
    await page.reload({ waitUntil: 'load' });
    await settle(page);
    await expect.poll(() => texts(page), WAIT).toEqual(drawn);
    await page.close();
  });
});

describe('a note with a remote image (a beacon) in Firefox', () => {
  it('loads nothing when shown in the card, the margin or the library, until the reader asks', async () => {
    // tests/e2e/pages/beacon.png is a real 1×1 image, so the load the reader asks for is seen to work.
    const page = await openArticle(firefox.session, uniquePage(firefox.url, 'article.html'));
    const beacon = `${firefox.url}/beacon.png?from=${Math.random().toString(36).slice(2)}`;
    const beaconPath = beacon.slice(firefox.url.length);
    const loads = () => firefox.requests.filter((r) => r === beaconPath).length;
    await writeNote(page, 'two principal', 'goals', `Tracked? ![pixel](${beacon})`);
    await page.reload({ waitUntil: 'load' });
    await expect.poll(async () => (await marginTexts(page)).join(''), WAIT).toContain('Tracked?');
    await clickHighlight(page, 'two principal');
    expect(await cardShows(page, '.markdown')).toContain('Tracked?');
    const card = await noteFrame(page, 'card');
    expect(
      await card.evaluate(() => document.querySelector('.markdown img')?.getAttribute('src') ?? null),
    ).toBe(null);
    const library = await openExtensionPage(firefox.session, page, 'library.html');
    const show = await buttonNamed(library, 'Show 1 remote image');
    expect(loads()).toBe(0); // card, margin and library have all shown the note by now
    await show.click();
    await expect.poll(loads, WAIT).toBe(1);
    await library.waitForFunction(
      () => (document.querySelector('.markdown img') as HTMLImageElement | null)?.naturalWidth === 1,
      { timeout: 15_000, polling: POLL },
    );
    await library.close();
    await page.close();
  });
});
