// Renders the README's pictures of the library and the side panel, light and dark:
// docs/library-light.png, docs/library-dark.png (1280×800), docs/sidepanel-light.png and
// docs/sidepanel-dark.png (420×800), in headless Chromium with the built extension
// (`npx wxt build` first). The library is seeded with a dozen annotations over four pages,
// written into Gloss's IndexedDB from the library page; one of the pages is the demo
// article, served from demo/ under a made-up host name, so the side panel beside it has
// the passages drawn in a real tab. Dark is `prefers-color-scheme: dark` with the theme
// setting left at "system".
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, extensionArgs, QUIET_ARGS } from './chromium.mjs';
import { waitForGloss } from './gloss-ready.mjs';
import { serveStatic } from './static-server.mjs';

const extension = resolve('.output/chrome-mv3');
/** The demo article's host in the pictures; Chromium resolves it to the local server. */
const DEMO_HOST = 'www.securitydispatch.org';
const DEMO_URL = `http://${DEMO_HOST}/article.html`;
const DEMO_TITLE = 'What does ISIS really want now?';

/** The reader's names for four of the colours (Settings), shown beside the colour's name. */
const LABELS = { yellow: 'key idea', green: 'evidence', pink: 'question', purple: 'to do' };

const PAGES = {
  demo: { url: DEMO_URL, title: DEMO_TITLE },
  maps: {
    url: 'https://www.longitudemag.com/essays/the-quiet-return-of-the-paper-map',
    title: 'The quiet return of the paper map',
  },
  estimates: {
    url: 'https://blog.fieldwork.dev/2026/11/estimates-are-wrong-in-one-direction',
    title: 'Why software estimates are wrong in the same direction',
  },
  octopus: {
    url: 'https://www.tidelinescience.org/2026/octopus-arms-think',
    title: 'How an octopus thinks with its arms',
  },
};

/**
 * The library, newest first. The demo article's quotes are its own words with a little
 * context either side, as Gloss stores them; the last of them was changed on the page
 * since ("by which" is now "whereby"), so the side panel lists it under "Text changed".
 */
const SEEDS = [
  {
    page: 'demo',
    at: '2026-11-28T09:12:00Z',
    color: 'yellow',
    prefix: 'the organization sets forth ',
    exact: 'two principal but contradictory goals',
    suffix: ', which it labels “options.”',
    tags: ['strategy'],
  },
  {
    page: 'demo',
    at: '2026-11-28T09:15:00Z',
    color: 'yellow',
    prefix: 'the world. The second is ',
    exact: 'to polarize Muslims against one another, to incite internal divisions within the West',
    suffix: ', and to turn the West against',
    note: 'The **second option** is the one to watch: provocation, not territory.',
    tags: ['strategy'],
  },
  {
    page: 'demo',
    at: '2026-11-28T09:21:00Z',
    color: 'pink',
    prefix: 'would likely require “',
    exact:
      'an operation overseas that is so destructive that America and its allies will have no alternative but to send in an army',
    suffix: '. This would have to be',
    note: 'Doctrine, or one columnist’s *guess*? Read the other Cantlie pieces before quoting this.',
    tags: ['sources', 'to-check'],
  },
  {
    page: 'demo',
    at: '2026-11-28T09:30:00Z',
    color: 'green',
    prefix: '“winner’s” narrative and the ',
    exact: 'carefully choreographed branding by which ISIS advertises',
    suffix: ' — and attempts to create — a',
    note: 'Branding as recruitment. The *redemption* story comes right after.',
    tags: ['recruitment'],
  },
  {
    page: 'maps',
    at: '2026-11-21T20:02:00Z',
    color: 'yellow',
    exact: 'A map you unfold shows you where you are not going, and that turns out to be the point.',
    note: 'Serendipity as a **feature**: the edges of the map are where plans change.',
    tags: ['navigation', 'design'],
  },
  {
    page: 'maps',
    at: '2026-11-21T20:06:00Z',
    color: 'blue',
    exact: 'Turn-by-turn directions answer the question you asked and nothing else.',
    tags: ['navigation'],
  },
  {
    page: 'maps',
    at: '2026-11-21T20:11:00Z',
    color: 'pink',
    exact: 'Orienteering clubs report their youngest membership in thirty years.',
    note: 'Which clubs, and *how* was it counted?',
    tags: ['to-check'],
  },
  {
    page: 'estimates',
    at: '2026-11-16T13:40:00Z',
    color: 'yellow',
    exact: 'Tasks rarely finish early, because the time saved is spent on polish nobody asked for.',
    note: 'Parkinson’s law, restated. Pair with the *planning fallacy* chapter.',
    tags: ['work', 'estimation'],
  },
  {
    page: 'estimates',
    at: '2026-11-16T13:47:00Z',
    color: 'green',
    exact: 'Across 1,400 tickets the median overrun was 20%, but the mean was 90%.',
    note: 'The median is honest; the **long tail** ruins the quarter.',
    tags: ['estimation'],
  },
  {
    page: 'estimates',
    at: '2026-11-16T13:52:00Z',
    color: 'purple',
    exact: 'Ask for a range and the confidence you have in it, never for a single date.',
    note: 'For the next planning meeting:\n\n1. best case\n2. likely\n3. worst case',
    tags: ['work'],
  },
  {
    page: 'octopus',
    at: '2026-11-09T18:25:00Z',
    color: 'green',
    exact: 'Two thirds of an octopus’s neurons are in its arms, not in its head.',
    tags: ['biology'],
  },
  {
    page: 'octopus',
    at: '2026-11-09T18:31:00Z',
    color: 'pink',
    exact:
      'An arm cut from the body will still reach for food and pass it toward a mouth that is no longer there.',
    note: 'Unsettling. **Where** is the decision made?',
    tags: ['biology', 'minds'],
  },
];

const records = SEEDS.map((seed, n) => {
  const page = PAGES[seed.page];
  const quote = { type: 'TextQuoteSelector', exact: seed.exact };
  if (seed.prefix) quote.prefix = seed.prefix;
  if (seed.suffix) quote.suffix = seed.suffix;
  return {
    id: `shot-${String(n + 1).padStart(2, '0')}`,
    // The page key of these URLs is the URL itself (no fragment, no tracking parameters).
    pageKey: page.url,
    url: page.url,
    title: page.title,
    target: { quote },
    note: seed.note ?? '',
    tags: seed.tags,
    color: seed.color,
    created: seed.at,
    modified: seed.at,
  };
});
const DEMO_COUNT = SEEDS.filter((s) => s.page === 'demo').length;

const { server, url } = await serveStatic(['demo']);
const profile = mkdtempSync(join(tmpdir(), 'gloss-shots-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM_PATH,
  headless: true,
  viewport: { width: 1280, height: 800 },
  // Dates as an English reader in London sees them, the same on every machine.
  locale: 'en-GB',
  timezoneId: 'Europe/London',
  args: [
    ...extensionArgs(extension),
    ...QUIET_ARGS,
    `--host-resolver-rules=MAP ${DEMO_HOST} 127.0.0.1:${new URL(url).port}`,
    // The made-up host has no HTTPS: ask for the page as it is written, with no upgrade tried first.
    '--disable-features=HttpsUpgrades',
  ],
});
context.setDefaultTimeout(15_000);

try {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const extensionPage = (path) => `chrome-extension://${extensionId}/${path}`;

  // The library's first opening creates the database; the records go in, then it is read again.
  const library = await context.newPage();
  await library.goto(extensionPage('library.html'));
  await library.getByText(/of 0 annotations/).waitFor();
  await library.evaluate(
    ({ rows, labels }) =>
      new Promise((done, fail) => {
        const open = indexedDB.open('gloss');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('annotations', 'readwrite');
          for (const row of rows) tx.objectStore('annotations').put(row);
          tx.onerror = () => fail(tx.error);
          tx.oncomplete = () => {
            open.result.close();
            chrome.storage.local.set({ colorLabels: labels }).then(done, fail);
          };
        };
      }),
    { rows: records, labels: LABELS },
  );

  // The demo article with its passages drawn, for the side panel to follow.
  const article = await context.newPage();
  await article.goto(DEMO_URL);
  await waitForGloss(context, article);
  await article.waitForFunction(
    (count) =>
      new Set([...document.querySelectorAll('mark[data-annotation-id]')].map((m) => m.dataset.annotationId))
        .size === count,
    DEMO_COUNT,
  );

  await library.bringToFront();
  await library.reload();
  // The whole library listed and its search index complete (the count says so until then).
  await library
    .locator('header .count')
    .getByText(`${records.length} of ${records.length} annotations`, {
      exact: true,
    })
    .waitFor();
  await library.locator('.row article.item').first().waitFor();
  await library.locator('.item.placeholder').waitFor({ state: 'detached' });

  const tabId = await worker.evaluate(async (u) => {
    const tab = (await chrome.tabs.query({})).find((t) => t.url === u);
    if (!tab?.id) throw new Error(`no tab for ${u}`);
    return tab.id;
  }, DEMO_URL);
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 420, height: 800 });
  await panel.goto(extensionPage(`sidepanel.html?tabId=${tabId}`));
  await panel
    .locator('li.item')
    .nth(DEMO_COUNT - 1)
    .waitFor();
  // The page has answered where its passages are: one of them is marked "Text changed".
  await panel.getByRole('heading', { name: 'Text changed' }).waitFor();

  for (const scheme of ['light', 'dark']) {
    for (const [page, name] of [
      [library, 'library'],
      [panel, 'sidepanel'],
    ]) {
      await page.bringToFront();
      await page.emulateMedia({ colorScheme: scheme });
      await page.evaluate(() => {
        document.activeElement?.blur?.();
        return document.fonts.ready;
      });
      const path = `docs/${name}-${scheme}.png`;
      // The side panel whole, down to its "Text changed" group; the library as the window shows it.
      await page.screenshot({ path, fullPage: name === 'sidepanel' });
      console.log(`wrote ${path}`);
    }
  }
} finally {
  await context.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
