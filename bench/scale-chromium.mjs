// Gloss with a large library, in headless Chromium with the built extension and real
// IndexedDB: the database is filled with 10 annotations per page (1,000 over 100 pages, then
// 100,000 over 10,000 pages, each in a fresh profile), and the reader's everyday steps are
// timed against it:
//   (a) opening an annotated page of the demo article kind: navigation start -> all 10
//       highlights drawn (a MutationObserver installed before any page script), median of reloads;
//   (b) the side panel of that tab (sidepanel.html?tabId=N): navigation start -> 10 items listed;
//   (c) the library: navigation start -> first item shown, and the longest main-thread stall
//       (long tasks) while a search word is typed, and how long after the last key the results show;
//   (d) the question the boot script asks on every page without annotations (countPageAnnotations),
//       sent from the content script's own world, warm and with the service worker stopped.
// `--quick` takes fewer reloads. Run it through the browser lock:
//   flock /tmp/gloss-browser.lock node bench/scale-chromium.mjs
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, extensionArgs, QUIET_ARGS } from '../scripts/chromium.mjs';
import { waitForGloss } from '../scripts/gloss-ready.mjs';
import { serveStatic } from '../scripts/static-server.mjs';

const QUICK = process.argv.includes('--quick');
const EXTENSION = resolve('.output/chrome-mv3');
const PER_PAGE = 10;
/** The sizes, each against 100 in the same run; `--totals=100,5000` for a quicker look. */
const TOTALS = process.argv
  .find((a) => a.startsWith('--totals='))
  ?.slice(9)
  .split(',')
  .map(Number) ?? [100, 50_000, 100_000];
const LOADS = QUICK ? 3 : 7;
const COUNTS = QUICK ? 20 : 50;
const FILL_CHUNK = 10_000;
/** In the note of one annotation per page (and nowhere in the article, titles or URLs): 10% match. */
const SEARCH_WORD = 'marginalia';
const TYPING_DELAY_MS = 120;

const log = (line = '') => process.stdout.write(`${line}\n`);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) =>
  value === undefined ? 'n/a' : `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ms`;

async function helperCode() {
  const result = await esbuild.build({
    entryPoints: ['bench/scale-page.ts'],
    bundle: true,
    format: 'iife',
    globalName: 'GlossScale',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'warning',
  });
  return result.outputFiles[0].text;
}

/**
 * Before any page script: notes (performance.now(), so from navigation start) when the
 * page's awaited content first shows, and every long task. Only on the pages named here,
 * so the observer costs nothing elsewhere.
 */
function installRecorders(context) {
  const watch = [
    { path: '/article.html', selector: 'mark[data-annotation-id]', count: PER_PAGE, distinct: true },
    { path: '/sidepanel.html', selector: 'ul[aria-label="Annotations in page order"] > li', count: PER_PAGE },
    { path: '/library.html', selector: 'article.item', count: 1 },
  ];
  return context.addInitScript((targets) => {
    const target = targets.find((t) => location.pathname.endsWith(t.path));
    if (!target) return;
    const w = window;
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        w.__longTasks.push({ start: entry.startTime, ms: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
    const check = () => {
      if (w.__shownAt !== undefined) return;
      const found = document.querySelectorAll(target.selector);
      const seen = target.distinct
        ? new Set([...found].map((e) => e.dataset.annotationId)).size
        : found.length;
      if (seen >= target.count) w.__shownAt = performance.now();
    };
    new MutationObserver(check).observe(document, { subtree: true, childList: true });
  }, watch);
}

const shownAt = (page) =>
  page.waitForFunction(() => window.__shownAt, undefined, { timeout: 120_000 }).then((h) => h.jsonValue());

/** Writes the records in the extension origin with plain IndexedDB, in chunks, generated in the page. */
async function fill(page, spec) {
  const started = Date.now();
  for (let from = 0; from < spec.pages; from += FILL_CHUNK / PER_PAGE) {
    const to = Math.min(spec.pages, from + FILL_CHUNK / PER_PAGE);
    await page.evaluate(
      ({ spec, from, to }) =>
        new Promise((done, fail) => {
          const open = indexedDB.open('gloss');
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('annotations')) {
              fail(new Error('the background has not created the database yet'));
              return;
            }
            const tx = db.transaction('annotations', 'readwrite');
            const store = tx.objectStore('annotations');
            const colors = ['yellow', 'green', 'blue', 'pink', 'purple'];
            for (let p = from; p < to; p++) {
              const url = `${spec.base}?p=${p}`;
              for (let i = 0; i < spec.targets.length; i++) {
                const at = new Date(spec.t0 + (p * spec.targets.length + i) * 60_000).toISOString();
                store.put({
                  id: `scale-${p}-${i}`,
                  pageKey: url,
                  url,
                  title: `Scale page ${p}`,
                  target: spec.targets[i],
                  note:
                    i === 3
                      ? `A note on ${spec.word} in page ${p}.`
                      : i === 7
                        ? `Second thoughts on page ${p}: **check** the source.`
                        : '',
                  tags: i % 5 === 0 ? ['scale', `group-${p % 50}`] : [],
                  color: colors[i % colors.length],
                  created: at,
                  modified: at,
                });
              }
            }
            tx.oncomplete = () => {
              db.close();
              done();
            };
            tx.onerror = () => fail(tx.error);
          };
        }),
      { spec, from, to },
    );
  }
  return Date.now() - started;
}

/** The isolated world of Gloss's content script in `page`, through CDP. */
async function contentScriptWorld(context, page) {
  const cdp = await context.newCDPSession(page);
  const worlds = [];
  cdp.on('Runtime.executionContextCreated', ({ context: c }) => worlds.push(c));
  await cdp.send('Runtime.enable');
  await new Promise((r) => setTimeout(r, 100));
  const world = worlds.find((c) => c.auxData?.type === 'isolated' && c.name === 'Gloss');
  if (!world) throw new Error('no content script world in the page');
  const evaluate = async (expression) => {
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression,
      contextId: world.id,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value;
  };
  return { evaluate, cdp };
}

/**
 * Sends `type` for this page `times` times, as Gloss's content script does, and returns how
 * long each answer took; each must hold `expected` (a count, or a list of that length).
 */
const askExpression = (times, type, expected) => `(async () => {
  const api = globalThis.browser?.runtime?.id ? globalThis.browser : globalThis.chrome;
  const took = [];
  for (let i = 0; i < ${times}; i++) {
    const start = performance.now();
    const answer = await api.runtime.sendMessage({ type: '${type}', pageKey: location.href });
    took.push(performance.now() - start);
    const value = answer && answer.ok ? answer.value : undefined;
    const size = Array.isArray(value) ? value.length : value;
    if (size !== ${expected}) throw new Error('unexpected answer ' + JSON.stringify(answer).slice(0, 200));
  }
  return took;
})()`;

async function tabIdOf(context, url) {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, url);
}

async function measure(total, helper, base) {
  const pages = total / PER_PAGE;
  const profile = mkdtempSync(join(tmpdir(), 'gloss-bench-scale-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...extensionArgs(EXTENSION), ...QUIET_ARGS],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(worker.url()).host;
    await installRecorders(context);

    // Passages described on an unannotated copy; its count question also makes the
    // background create the database before the records are written.
    const setup = await context.newPage();
    await setup.goto(`${base}?p=setup`);
    await waitForGloss(context, setup);
    await setup.addScriptTag({ content: helper });
    const targets = await setup.evaluate((n) => GlossScale.describePassages(n), PER_PAGE);
    const filler = await context.newPage();
    await filler.goto(`chrome-extension://${id}/popup.html`);
    const fillMs = await fill(filler, { base, pages, targets, t0: Date.UTC(2026, 0, 1), word: SEARCH_WORD });
    await filler.close();

    // (a) the annotated page in the middle of the library, loaded and reloaded.
    const pageUrl = `${base}?p=${Math.floor(pages / 2)}`;
    const article = await context.newPage();
    const draws = [];
    for (let i = 0; i <= LOADS; i++) {
      if (i === 0) await article.goto(pageUrl);
      else await article.reload();
      draws.push(await shownAt(article));
    }
    const [firstDraw, ...reloads] = draws;
    // What the annotator asks for first: this page's records, from its own world.
    const articleWorld = await contentScriptWorld(context, article);
    const listTimes = await articleWorld.evaluate(askExpression(COUNTS, 'getPageAnnotations', PER_PAGE));
    await articleWorld.cdp.detach();

    // (b) its side panel, opened as a tab pinned to the article's tab.
    const tabId = await tabIdOf(context, pageUrl);
    const panel = await context.newPage();
    const panelTimes = [];
    for (let i = 0; i <= LOADS; i++) {
      await panel.goto(`chrome-extension://${id}/sidepanel.html?tabId=${tabId}`);
      panelTimes.push(await shownAt(panel));
    }
    await panel.close();

    // (c) the library: first item, then a search word typed at a reader's pace.
    const library = await context.newPage();
    const libraryFirst = [];
    for (let i = 0; i < (QUICK ? 1 : 3); i++) {
      await library.goto(`chrome-extension://${id}/library.html`);
      libraryFirst.push(await shownAt(library));
    }
    // The search's own count (the export menu has one too).
    const count = library.locator('header .count');
    await count.filter({ hasText: / of .* annotations$/ }).waitFor({ timeout: 120_000 });
    const searchReady = await library.evaluate(() => performance.now());
    await library.waitForTimeout(1000);
    const search = library.getByLabel('Search annotations');
    await search.click();
    const typingFrom = await library.evaluate(() => performance.now());
    await library.keyboard.type(SEARCH_WORD, { delay: TYPING_DELAY_MS });
    const lastKey = await library.evaluate(() => performance.now());
    const matching = pages.toLocaleString('en-US');
    await count.filter({ hasText: new RegExp(`^${matching} of `) }).waitFor({ timeout: 120_000 });
    const resultsAfterLastKey = (await library.evaluate(() => performance.now())) - lastKey;
    const stalls = (await library.evaluate(() => window.__longTasks)).filter((t) => t.start >= typingFrom);
    const itemsShown = await library.locator('article.item').count();
    const heap = await library.evaluate(() => performance.memory?.usedJSHeapSize);
    const workerHeap = await Promise.all(
      library
        .workers()
        .map((w) => w.evaluate(() => globalThis.performance.memory?.usedJSHeapSize).catch(() => undefined)),
    );
    await library.close();

    // (d) the boot script's question on a page without annotations, from its own world.
    const blank = await context.newPage();
    await blank.goto(`${base}?p=unannotated`);
    await waitForGloss(context, blank);
    const world = await contentScriptWorld(context, blank);
    const warm = await world.evaluate(askExpression(COUNTS, 'countPageAnnotations', 0));
    await world.cdp.send('ServiceWorker.enable');
    await world.cdp.send('ServiceWorker.stopAllWorkers');
    await new Promise((r) => setTimeout(r, 500));
    const [cold] = await world.evaluate(askExpression(1, 'countPageAnnotations', 0));

    return {
      total,
      pages,
      fillMs,
      firstDraw,
      draw: median(reloads),
      list: median(listTimes),
      panel: median(panelTimes.slice(1)),
      panelFirst: panelTimes[0],
      libraryFirst: median(libraryFirst),
      searchReady,
      typing: {
        longest: Math.max(0, ...stalls.map((t) => t.ms)),
        over50: stalls.length,
        resultsAfterLastKey,
        itemsShown,
      },
      memory: { page: heap, worker: workerHeap.find((v) => v !== undefined) },
      count: { median: median(warm), max: Math.max(...warm), cold },
    };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

function print(results) {
  const pad = (text, width) => String(text).padEnd(width);
  const head = (r) => `${r.total.toLocaleString('en-US')} (${r.pages.toLocaleString('en-US')} pages)`;
  const row = (label, cell) => log(`  ${pad(label, 66)}${results.map((r) => pad(cell(r), 24)).join('')}`);
  log();
  log(
    `Scale: ${PER_PAGE} annotations per page, built extension in headless Chromium, real IndexedDB (median of ${LOADS} reloads unless said)`,
  );
  row('annotations', head);
  row('fill the database (plain IndexedDB, extension page)', (r) => `${(r.fillMs / 1000).toFixed(1)} s`);
  row('(a) annotated page: navigation -> 10 highlights drawn', (r) => ms(r.draw));
  row('    first load of that page', (r) => ms(r.firstDraw));
  row(`    its getPageAnnotations from the content script (median of ${COUNTS})`, (r) => ms(r.list));
  row('(b) side panel: navigation -> its 10 annotations listed', (r) => ms(r.panel));
  row('    first opening', (r) => ms(r.panelFirst));
  row(`(c) library: navigation -> first item shown (median of ${QUICK ? 1 : 3})`, (r) => ms(r.libraryFirst));
  row('    navigation -> search index complete (last opening)', (r) => ms(r.searchReady));
  row(`    typing "${SEARCH_WORD}" (${TYPING_DELAY_MS} ms a key): longest stall`, (r) =>
    ms(r.typing.longest),
  );
  row('    long tasks (>50 ms) while typing and filtering', (r) => String(r.typing.over50));
  row('    last key -> matching count shown', (r) => ms(r.typing.resultsAfterLastKey));
  const mb = (bytes) => (bytes === undefined ? 'n/a' : `${(bytes / 1048576).toFixed(1)} MB`);
  row('    DOM rows of the library (virtualised list)', (r) => String(r.typing.itemsShown));
  row(
    '    JS heap of the library page / of its search worker',
    (r) => `${mb(r.memory.page)} / ${mb(r.memory.worker)}`,
  );
  const base = results[0];
  row(
    `    first item, ratio to ${base.total.toLocaleString('en-US')} annotations`,
    (r) => `${(r.libraryFirst / base.libraryFirst).toFixed(2)}×`,
  );
  row('(d) boot count on an unannotated page: median (warm)', (r) => ms(r.count.median));
  row(`    slowest of ${COUNTS}`, (r) => ms(r.count.max));
  row('    with the service worker stopped first', (r) => ms(r.count.cold));
}

const { server, url } = await serveStatic(['demo']);
try {
  const helper = await helperCode();
  const results = [];
  for (const total of TOTALS) results.push(await measure(total, helper, `${url}/article.html`));
  print(results);
} finally {
  server.close();
}
