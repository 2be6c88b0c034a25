/**
 * The library in the built extension: search with the matched words marked, filters with
 * their counts, bulk tagging through the tag autocomplete, bulk delete undone with Ctrl+Z,
 * an edit in the library followed by the open page, a virtualised list of thousands, and
 * axe. Each test has a profile of its own, so the library holds only what the test put there.
 */
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  drawnHighlights,
  extensionPage,
  launch,
  openArticle,
  removeProfile,
  type Session,
  selectByMouse,
  startServer,
  waitForSaved,
} from './harness';
import { axeViolations } from './shared/axe';
import { uniquePage } from './shared/server';

let session: Session | undefined;
let server: Awaited<ReturnType<typeof startServer>> | undefined;
afterEach(async () => {
  await session?.close();
  if (session) removeProfile(session.profile);
  server?.stop();
  session = undefined;
  server = undefined;
});

interface Seed {
  n: number;
  site: string;
  quote: string;
  color?: string;
  tags?: string[];
  note?: string;
}

const record = ({ n, site, quote, color = 'yellow', tags = [], note = '' }: Seed) => {
  const url = `https://${site}/post-${n % 3}`;
  const at = new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
  return {
    id: `seed-${String(n).padStart(6, '0')}`,
    pageKey: url,
    url,
    title: `Post ${n % 3} on ${site}`,
    target: { quote: { type: 'TextQuoteSelector', exact: quote } },
    note,
    tags,
    color,
    created: at,
    modified: at,
  };
};

/** Opens the library (its first opening creates the database), writes `seeds` and reopens it. */
async function libraryWith(current: Session, seeds: Seed[]): Promise<Page> {
  const library = await current.context.newPage();
  await library.goto(extensionPage(current, 'library.html'));
  await library.getByText(/of 0 annotations/).waitFor();
  await library.evaluate(
    (records) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('gloss');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('annotations', 'readwrite');
          for (const r of records) tx.objectStore('annotations').put(r);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    seeds.map(record),
  );
  await library.reload();
  await library.getByText(new RegExp(`of ${seeds.length.toLocaleString('en-US')} annotations`)).waitFor();
  return library;
}

const count = (library: Page) => library.locator('header .count').textContent();

const SEEDS: Seed[] = [
  { n: 1, site: 'river.org', quote: 'The otter slid into the cold water', color: 'blue', tags: ['animals'] },
  { n: 2, site: 'river.org', quote: 'Herons wait without moving', color: 'blue', tags: ['birds'] },
  { n: 3, site: 'river.org', quote: 'An otter family shares one den', color: 'green' },
  { n: 4, site: 'hills.net', quote: 'Goats climb where nothing grows', tags: ['animals'] },
  { n: 5, site: 'hills.net', quote: 'Wind shapes the pines', note: 'Compare with the **coast** pines' },
  { n: 6, site: 'hills.net', quote: 'Snow lies late on the north side', color: 'pink' },
];

describe('the library', () => {
  it('searches with the words marked, filters with counts, tags in bulk and undoes a bulk delete', async () => {
    session = await launch();
    const library = await libraryWith(session, SEEDS);
    const search = library.getByRole('searchbox', { name: 'Search annotations' });

    await search.fill('otte');
    await expect.poll(() => count(library)).toBe('2 of 6 annotations');
    await expect.poll(() => library.locator('mark.match').allTextContents()).toEqual(['otter', 'otter']);
    // A word inside a note, rendered as plain text with the match marked while searching.
    await search.fill('coast');
    await expect.poll(() => library.locator('.note-text mark.match').textContent()).toBe('coast');
    await search.fill('');

    // Counts of each filter are over what the other filters let through.
    const filters = library.getByRole('complementary', { name: 'Filters' });
    await expect
      .poll(() => filters.getByRole('checkbox', { name: /^Blue/ }).locator('xpath=..').textContent())
      .toContain('2');
    await filters.getByRole('checkbox', { name: /^hills\.net/ }).check();
    await expect.poll(() => count(library)).toBe('3 of 6 annotations');
    await expect
      .poll(() => filters.getByRole('checkbox', { name: /^Blue/ }).locator('xpath=..').textContent())
      .toContain('0');
    await filters.getByRole('checkbox', { name: /^hills\.net/ }).uncheck();
    await filters.getByRole('checkbox', { name: /^Blue/ }).check();
    await expect.poll(() => count(library)).toBe('2 of 6 annotations');

    // Select both blue ones and tag them through the autocomplete.
    await library.getByRole('checkbox', { name: /^Select all shown/ }).check();
    const bulk = library.getByRole('region', { name: 'Selected annotations' });
    await expect.poll(() => bulk.textContent()).toContain('2 selected');
    const tags = bulk.getByRole('combobox', { name: 'Tags' });
    await tags.click();
    await library.keyboard.type('anim');
    await expect.poll(() => bulk.getByRole('option').allTextContents()).toEqual(['animals']);
    await library.keyboard.press('Enter');
    await expect(tags.inputValue()).resolves.toBe('animals, ');
    await bulk.getByRole('button', { name: 'Add tags' }).click();
    await expect.poll(() => library.locator('.toast').textContent()).toContain('Tagged 2 annotations');
    await expect
      .poll(() =>
        filters
          .getByRole('checkbox', { name: /^animals/ })
          .locator('xpath=..')
          .textContent(),
      )
      .toContain('2');

    // Delete both, then Ctrl+Z with the focus on the page (not in a field) brings them back.
    await bulk.getByRole('button', { name: 'Delete 2' }).click();
    await expect.poll(() => count(library)).toBe('0 of 4 annotations');
    await library.locator('h1').click();
    await library.keyboard.press('Control+z');
    await expect.poll(() => count(library)).toBe('2 of 6 annotations');
    await expect
      .poll(() => library.locator('.toast').textContent())
      .toContain('Undone: Deleted 2 annotations');
    await library.close();
  });

  it('renames a tag into another (a merge) across every annotation, undoably', async () => {
    session = await launch();
    const library = await libraryWith(session, SEEDS);
    const filters = library.getByRole('complementary', { name: 'Filters' });
    await filters.getByText('Rename or merge a tag').click();
    await filters.getByRole('combobox', { name: 'Tag' }).selectOption('birds');
    await filters.getByRole('combobox', { name: 'New name' }).fill('animals');
    await filters.getByRole('button', { name: 'Merge into “animals”' }).click();
    await expect
      .poll(() =>
        filters
          .getByRole('checkbox', { name: /^animals/ })
          .locator('xpath=..')
          .textContent(),
      )
      .toContain('3');
    await expect.poll(() => filters.getByRole('checkbox', { name: /^birds/ }).count()).toBe(0);
    await library.locator('.toast').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => filters.getByRole('checkbox', { name: /^birds/ }).count()).toBe(1);
    await library.close();
  });

  it('keeps only what is on screen in the DOM, with thousands of annotations', async () => {
    session = await launch();
    const many = Array.from({ length: 3000 }, (_, n) => ({
      n,
      site: `site${n % 40}.org`,
      quote: `Passage number ${n}`,
    }));
    const library = await libraryWith(session, many);
    await expect.poll(() => library.locator('article.item').count()).toBeGreaterThan(2);
    expect(await library.locator('article.item').count()).toBeLessThan(60);
    // The oldest one is reachable by scrolling to the end.
    await library.locator('.results').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect.poll(() => library.getByText('Passage number 0', { exact: true }).count()).toBe(1);
    await library.close();
  });

  it('edits in the library while the page is open, and the page follows; axe finds nothing serious', async () => {
    session = await launch();
    server = await startServer();
    const page = await openArticle(session.context, uniquePage(server.url, 'article.html'));
    await selectByMouse(page, 'prophesized to be held', 'necessary to achieve');
    await page.keyboard.press('h');
    await expect.poll(async () => Object.values(await drawnHighlights(page)).length).toBe(1);
    await waitForSaved(session, page);
    const colorOf = () => page.locator('mark[data-annotation-id]').first().getAttribute('class');

    const library = await session.context.newPage();
    await library.goto(extensionPage(session, 'library.html'));
    await library.getByText('1 of 1 annotations').waitFor();
    expect(await axeViolations(library)).toEqual([]);

    await library.getByRole('button', { name: 'Add note' }).click();
    await library.getByRole('radio', { name: 'Blue' }).click();
    await expect.poll(colorOf).toContain('gloss-hl-blue');
    expect(await axeViolations(library)).toEqual([]);
    await library.getByRole('textbox', { name: 'Note' }).fill('Seen from the library');
    await library.keyboard.press('Control+Enter');
    await expect
      .poll(async () => (await library.locator('.markdown').textContent())?.trim())
      .toBe('Seen from the library');

    await library.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => page.locator('mark[data-annotation-id]').count()).toBe(0);
    await library.locator('.toast').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.locator('mark[data-annotation-id]').count()).toBeGreaterThan(0);
    await expect.poll(colorOf).toContain('gloss-hl-blue');
    await library.close();
    await page.close();
  });
});
