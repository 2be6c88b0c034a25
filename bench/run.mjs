// `npm run bench`: Gloss's anchoring and drawing against dom-anchor-text-quote and
// @apache-annotator/dom in headless Chromium, on the same generated pages and passages,
// and the content script's cost on a page with no annotations, with recall on the edited
// pages; then bench/recall-chromium.mjs (recall on the anchoring corpus's edited pages, the
// same three libraries), bench/chance-copies.mjs (the lengths behind anchoring's
// self-evident quotes), bench/mutation.mjs,
// bench/export-import.mjs, bench/import-chromium.mjs and bench/scale-chromium.mjs (100,000
// annotations over 10,000 pages, beside 1,000), bench/sync-chromium.mjs (first sync of
// 50,000 into an empty profile beside export + import, bytes on the server). `--quick` for about a
// minute; the full run gives each peer cell 20 s. Run it through the browser lock:
//   flock /tmp/gloss-browser.lock node bench/run.mjs --quick
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, extensionArgs, QUIET_ARGS } from '../scripts/chromium.mjs';
import { serveStatic } from '../scripts/static-server.mjs';

const QUICK = process.argv.includes('--quick');
const OUT = resolve('bench/.results');
const EXTENSION = resolve('.output/chrome-mv3');
const BUDGET_MS = QUICK ? 2000 : 20000;
const SIZES = [20_000, 1_000_000];
const COUNTS = [10, 100, 1000];
const PASSAGES = 1000;
const ARGS = QUIET_ARGS;
const BROWSER = { executablePath: CHROMIUM_PATH, headless: true };

const log = (line = '') => process.stdout.write(`${line}\n`);
const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
const kb = (bytes) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${Math.round(bytes / 1e3)} KB`);

async function bundle() {
  mkdirSync(OUT, { recursive: true });
  await esbuild.build({
    entryPoints: ['bench/browser.ts'],
    bundle: true,
    format: 'iife',
    globalName: 'GlossBench',
    platform: 'browser',
    target: 'chrome120',
    outfile: join(OUT, 'bench.js'),
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  return readFileSync(join(OUT, 'bench.js'), 'utf8');
}

/** Cells for N = 10, 100, 1000 from one budgeted peer run: each is a prefix of the run. */
function peerCells(run) {
  return COUNTS.map((n) => {
    const reached = Math.min(n, run.times.length);
    const outcomes = run.outcomes.slice(0, reached);
    const ms = run.times.slice(0, reached).reduce((a, b) => a + b, 0);
    const count = (codes) => outcomes.filter((o) => codes.includes(o)).length;
    return {
      n,
      reached,
      ms,
      perAnnotation: reached ? ms / reached : Number.NaN,
      projected: reached ? (ms / reached) * n : Number.NaN,
      correct: count('cr'),
      recovered: count('r'),
      misplaced: count('m'),
      orphaned: count('o'),
      surviving: run.surviving.slice(0, reached).filter(Boolean).length,
    };
  });
}

/**
 * Collects garbage before each timed step: Ranges left by an earlier step (the peers make
 * one per passage) stay registered with the document until collected, and every later
 * DOM change pays for them.
 */
async function collector(page) {
  const cdp = await page.context().newCDPSession(page);
  return () => cdp.send('HeapProfiler.collectGarbage');
}

async function anchoringBench(page) {
  const gc = await collector(page);
  const results = { pages: [], draw: null };
  for (const bytes of SIZES) {
    const info = await page.evaluate((o) => GlossBench.setup(o), {
      seed: 7 + bytes,
      bytes,
      passages: PASSAGES,
    });
    const entry = { bytes, info, variants: {} };
    log(
      `page ~${kb(bytes)}: before ${kb(info.beforeBytes)} html, ${info.textChars} chars of text, ${info.textNodes} text nodes, ${info.elements} elements; after edits ${kb(info.afterBytes)} html; expected of ${PASSAGES}: ${info.expected.exact} exact, ${info.expected.fuzzy} fuzzy, ${info.expected.orphan} orphan`,
    );
    for (const variant of ['unchanged', 'edited']) {
      const read = await page.evaluate(([v, r]) => GlossBench.readText(v, r), [variant, QUICK ? 3 : 7]);
      const gloss = [];
      for (const n of COUNTS) {
        const repeat = bytes > 100_000 ? (QUICK ? 5 : 9) : QUICK ? 7 : 15;
        await page.evaluate(([v, k]) => GlossBench.anchorGloss(v, k, 1), [variant, n]); // warm-up
        await gc();
        gloss.push(await page.evaluate(([v, k, r]) => GlossBench.anchorGloss(v, k, r), [variant, n, repeat]));
      }
      const peers = {};
      for (const peer of ['dom-anchor-text-quote', 'apache']) {
        await gc();
        const run = await page.evaluate(
          ([p, v, n, b]) => GlossBench.anchorPeer(p, v, n, b),
          [peer, variant, PASSAGES, BUDGET_MS],
        );
        peers[peer] = peerCells(run);
      }
      entry.variants[variant] = { read, gloss, peers };
      log(`  ${variant}: done`);
    }
    results.pages.push(entry);
  }
  return results;
}

/**
 * Drawing is measured in fresh pages, as after a page load: the anchoring runs above leave
 * the peers' Ranges and iterators behind until collected, and those slow every DOM change.
 * Each side draws three times, each time in a new page; the median run is reported.
 */
async function drawBench(browser, code) {
  const median = (runs) => [...runs].sort((a, b) => a.ms - b.ms)[1];
  const runs = { gloss: [], mark: [] };
  for (let i = 0; i < 3; i++) {
    for (const side of ['gloss', 'mark']) {
      const page = await browser.newPage();
      await page.setContent('<!doctype html><html><head><title>bench</title></head><body></body></html>');
      await page.addScriptTag({ content: code });
      await page.evaluate((o) => GlossBench.setup(o), {
        seed: 7 + 1_000_000,
        bytes: 1_000_000,
        passages: PASSAGES,
      });
      await (await collector(page))();
      runs[side].push(
        await page.evaluate(
          (s) => (s === 'gloss' ? GlossBench.drawGloss(1000) : GlossBench.drawMarkBaseline(1000)),
          side,
        ),
      );
      await page.close();
    }
  }
  return { gloss: median(runs.gloss), mark: median(runs.mark) };
}

/** Loads the page `loads` times in a context and returns median main-thread metrics. */
async function loadMetrics(context, url, loads, withExtension) {
  const samples = [];
  for (let i = 0; i <= loads; i++) {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const started = Date.now();
    await page.goto(url, { waitUntil: 'load' });
    const ready = Date.now() - started;
    // Gloss may leave no trace on a page without annotations: wait for its UI briefly, then idle.
    let ui = false;
    if (withExtension) {
      ui = await page
        .waitForSelector('gloss-ui', { state: 'attached', timeout: 1500 })
        .then(() => true)
        .catch(() => false);
    }
    await page.waitForTimeout(500);
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name) => metrics.find((m) => m.name === name)?.value ?? 0;
    if (i > 0) {
      samples.push({
        script: metric('ScriptDuration') * 1000,
        task: metric('TaskDuration') * 1000,
        heap: metric('JSHeapUsedSize') / 1e6,
        ready,
        ui,
      });
    }
    await page.close();
  }
  const med = (key) => {
    const values = samples.map((s) => s[key]).sort((a, b) => a - b);
    return values[Math.floor(values.length / 2)];
  };
  const ui = samples.filter((s) => s.ui).length;
  return { script: med('script'), task: med('task'), heap: med('heap'), ready: med('ready'), loads, ui };
}

async function contentScriptBench(html) {
  if (!existsSync(join(EXTENSION, 'manifest.json')))
    return { skipped: 'no build in .output/chrome-mv3 (run `npm run bench`)' };
  writeFileSync(
    join(OUT, 'article-20k.html'),
    `<!doctype html><html><head><title>Bench</title></head><body>${html}</body></html>`,
  );
  const { server, url } = await serveStatic([OUT]);
  const pageUrl = `${url}/article-20k.html`;
  const loads = QUICK ? 4 : 10;
  const run = async (withExtension) => {
    const profile = mkdtempSync(join(tmpdir(), 'gloss-bench-'));
    const args = withExtension ? [...extensionArgs(EXTENSION), ...ARGS] : ARGS;
    const context = await chromium.launchPersistentContext(profile, { ...BROWSER, args });
    try {
      if (withExtension) context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      return await loadMetrics(context, pageUrl, loads, withExtension);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  };
  try {
    const without = await run(false);
    const withExt = await run(true);
    return { without, with: withExt };
  } finally {
    server.close();
  }
}

function pad(text, width) {
  const s = String(text);
  return s.length >= width ? s : s + ' '.repeat(width - s.length);
}

function printAnchoring(results) {
  log();
  log(`Anchoring: ms for N passages (Gloss: read the page text + anchor all, median of runs).`);
  log(
    `Peers run one passage after another within a ${BUDGET_MS / 1000} s budget per cell; "k/N" is how far they got,`,
  );
  log(`then ms per passage and the time N would take at that rate. Counts: correct / misplaced / orphaned.`);
  log(
    `Correct = at least 90% overlap with the right span; an anchor where the passage was deleted is misplaced.`,
  );
  log(`Each library describes the same passages (DOM ranges) in its own terms: Gloss its selectors with`);
  log(
    `position; the peers dom-anchor-text-quote's quote (32 characters of context), with its position hint.`,
  );
  const header = `${pad('page', 8)}${pad('variant', 11)}${pad('N', 6)}${pad('text read', 11)}${pad('Gloss', 30)}${pad('dom-anchor-text-quote', 44)}@apache-annotator/dom`;
  log();
  log(header);
  log('-'.repeat(header.length + 22));
  for (const entry of results.pages) {
    for (const [variant, data] of Object.entries(entry.variants)) {
      data.gloss.forEach((g, i) => {
        const tally = (c) => `${c.correct}/${c.misplaced}/${c.orphaned}`;
        const peer = (c) =>
          c.reached === c.n
            ? `${fmt(c.ms)} ms ${tally(c)}`
            : `${c.reached}/${c.n}: ${fmt(c.perAnnotation)} ms/ea ≈${fmt(c.projected)} ms ${tally(c)}`;
        const datq = data.peers['dom-anchor-text-quote'][i];
        const apache = data.peers.apache[i];
        log(
          `${pad(kb(entry.bytes), 8)}${pad(variant, 11)}${pad(g.n, 6)}${pad(`${fmt(data.read.model)} ms`, 11)}${pad(`${fmt(g.ms)} ms ${tally(g)}${g.fuzzy ? ` (${g.fuzzy} fuzzy)` : ''}`, 30)}${pad(peer(datq), 44)}${peer(apache)}`,
        );
      });
    }
  }
  log();
  for (const entry of results.pages) {
    for (const [variant, data] of Object.entries(entry.variants)) {
      log(
        `reading the text once (${kb(entry.bytes)}, ${variant}): buildTextModel ${fmt(data.read.model)} ms; body.textContent ${fmt(data.read.textContent)} ms`,
      );
    }
  }
}

/**
 * Recall on the edited generated pages, from the N = 1,000 cells above: correct among the
 * passages still on the page (for a peer, among those it reached within its budget).
 */
function printRecall(results) {
  log();
  log('Recall on the edited generated pages (correct among passages still on the page; N = 1,000):');
  const rate = (correct, surviving) =>
    `${correct}/${surviving} = ${surviving ? ((100 * correct) / surviving).toFixed(1) : 'n/a'}%`;
  for (const entry of results.pages) {
    const data = entry.variants.edited;
    const gloss = data.gloss.find((g) => g.n === 1000);
    const peer = (name) => data.peers[name].find((c) => c.n === 1000);
    const [quote, apache] = [peer('dom-anchor-text-quote'), peer('apache')];
    const reached = (c) => (c.reached < c.n ? ` of ${c.reached} reached` : '');
    log(
      `  ${pad(kb(entry.bytes), 8)}Gloss ${rate(gloss.correct, gloss.surviving)}, ${gloss.misplaced} misplaced; dom-anchor-text-quote ${rate(quote.correct, quote.surviving)}${reached(quote)}, ${quote.misplaced} misplaced; @apache-annotator/dom ${rate(apache.correct, apache.surviving)}${reached(apache)}, ${apache.misplaced} misplaced`,
    );
  }
}

function targets(results) {
  const big = results.pages.find((p) => p.bytes === 1_000_000);
  const lines = [];
  const check = (ok) => (ok ? 'PASS' : 'FAIL');
  if (big) {
    const exact = big.variants.unchanged.gloss.find((g) => g.n === 1000);
    const exactPeer = big.variants.unchanged.peers['dom-anchor-text-quote'].find((c) => c.n === 1000);
    const speedup = exactPeer.projected / exact.ms;
    lines.push(
      `${check(speedup >= 1000)}  exact 1,000 on 1 MB: ${fmt(exact.ms)} ms vs dom-anchor-text-quote ≈${fmt(exactPeer.projected)} ms (from ${exactPeer.reached} reached) = ${speedup.toFixed(0)}× (target ≥1,000×)`,
    );
    const read = big.variants.unchanged.read;
    lines.push(
      `${check(exact.ms <= 3 * read.model)}  exact 1,000 on 1 MB within 3× of reading the text once: ${fmt(exact.ms)} ms / buildTextModel ${fmt(read.model)} ms = ${(exact.ms / read.model).toFixed(2)}× (vs body.textContent: ${(exact.ms / read.textContent).toFixed(0)}×)`,
    );
    const fuzzy = big.variants.edited.gloss.find((g) => g.n === 1000);
    const fuzzyPeer = big.variants.edited.peers['dom-anchor-text-quote'].find((c) => c.n === 1000);
    const fuzzySpeedup = fuzzyPeer.projected / fuzzy.ms;
    lines.push(
      `${check(fuzzySpeedup >= 50 && fuzzy.misplaced === 0)}  fuzzy 1,000 on edited 1 MB: ${fmt(fuzzy.ms)} ms, ${fuzzy.misplaced} misplaced, ${fuzzy.fuzzy} fuzzy vs dom-anchor-text-quote ≈${fmt(fuzzyPeer.projected)} ms = ${fuzzySpeedup.toFixed(0)}× (target ≥50×, zero misplaced)`,
    );
  }
  const { gloss, mark } = results.draw;
  const drawSpeedup = mark.ms / gloss.ms;
  lines.push(
    `${check(drawSpeedup >= 10 && gloss.drawn === gloss.highlights)}  drawing 1,000 on 1 MB: ${fmt(gloss.ms)} ms, ${gloss.drawn}/${gloss.highlights} drawn (${gloss.overlapping} overlapping), ${gloss.wraps} elements vs one mark.js markRanges over the body ${fmt(mark.ms)} ms, ${mark.drawn}/${mark.highlights} drawn, ${mark.wraps} elements = ${drawSpeedup.toFixed(1)}× (target ≥10×, every overlap drawn)`,
  );
  return lines;
}

/** The size of each script the manifest puts on every page (the boot script): minified and gzip. */
function pageScriptSizes() {
  const manifestFile = join(EXTENSION, 'manifest.json');
  if (!existsSync(manifestFile)) return [];
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  const files = (manifest.content_scripts ?? []).flatMap((script) => script.js ?? []);
  return files.map((file) => {
    const code = readFileSync(join(EXTENSION, file));
    return { file, bytes: code.length, gzip: gzipSync(code).length };
  });
}

function printContentScript(cost) {
  log();
  for (const { file, bytes, gzip } of pageScriptSizes()) {
    log(
      `Script on every page: ${file} ${(bytes / 1e3).toFixed(1)} KB minified, ${(gzip / 1e3).toFixed(1)} KB gzip (${bytes} / ${gzip} bytes)`,
    );
  }
  if (cost.skipped) {
    log(`Content script on a page with no annotations: skipped (${cost.skipped})`);
    return;
  }
  const d = (key) => cost.with[key] - cost.without[key];
  log(
    `Content script on a ~20 KB page with no annotations (median of ${cost.with.loads} loads each, after one warm-up):`,
  );
  log(`  ${pad('', 18)}${pad('without', 12)}${pad('with Gloss', 12)}difference`);
  log(
    `  ${pad('main-thread JS', 18)}${pad(`${fmt(cost.without.script)} ms`, 12)}${pad(`${fmt(cost.with.script)} ms`, 12)}${fmt(d('script'))} ms`,
  );
  log(
    `  ${pad('main-thread tasks', 18)}${pad(`${fmt(cost.without.task)} ms`, 12)}${pad(`${fmt(cost.with.task)} ms`, 12)}${fmt(d('task'))} ms`,
  );
  log(
    `  ${pad('JS heap', 18)}${pad(`${cost.without.heap.toFixed(2)} MB`, 12)}${pad(`${cost.with.heap.toFixed(2)} MB`, 12)}${d('heap').toFixed(2)} MB`,
  );
  log(
    `  ${pad('until load event', 18)}${pad(`${cost.without.ready} ms`, 12)}${pad(`${cost.with.ready} ms`, 12)}${d('ready')} ms`,
  );
  log(
    `  (Gloss's page UI appeared in ${cost.with.ui} of ${cost.with.loads} loads; metrics read 0.5 s after the load event or the UI)`,
  );
}

async function main() {
  const started = Date.now();
  log(`Gloss bench${QUICK ? ' (quick)' : ''}: Chromium headless, peer budget ${BUDGET_MS / 1000} s per cell`);
  const code = await bundle();
  const browser = await chromium.launch({ ...BROWSER, args: [...ARGS, '--js-flags=--expose-gc'] });
  let results;
  let articleHtml;
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><head><title>bench</title></head><body></body></html>');
    await page.addScriptTag({ content: code });
    results = await anchoringBench(page);
    results.draw = await drawBench(browser, code);
    await page.evaluate((o) => GlossBench.setup(o), { seed: 7 + 20_000, bytes: 20_000, passages: 10 });
    articleHtml = await page.evaluate(() => document.body.innerHTML);
  } finally {
    await browser.close();
  }
  const cost = await contentScriptBench(articleHtml);
  printAnchoring(results);
  printRecall(results);
  log();
  log(
    'Drawing 1,000 highlights on the 1 MB page (every tenth overlaps the one before; median of 3 fresh pages):',
  );
  const { gloss, mark } = results.draw;
  log(
    `  Gloss (plan all, then wrap block by block): ${fmt(gloss.ms)} ms (planning ${fmt(gloss.planMs)} ms), ${gloss.drawn}/${gloss.highlights} highlights drawn, ${gloss.wraps} elements`,
  );
  log(
    `  mark.js, one markRanges over the body:      ${fmt(mark.ms)} ms, ${mark.drawn}/${mark.highlights} highlights drawn (it drops overlapping ranges), ${mark.wraps} elements`,
  );
  printContentScript(cost);
  log();
  log('Targets:');
  for (const line of targets(results)) log(`  ${line}`);
  writeFileSync(
    join(OUT, 'results.json'),
    JSON.stringify({ quick: QUICK, results, cost, pageScripts: pageScriptSizes() }, null, 2),
  );
  log();
  // The other figures live in their own scripts; each starts its own browser when it needs one.
  for (const script of [
    'bench/recall-chromium.mjs',
    'bench/chance-copies.mjs',
    'bench/mutation.mjs',
    'bench/export-import.mjs',
    'bench/import-chromium.mjs',
    'bench/index-cost-chromium.mjs',
    'bench/sync-chromium.mjs',
  ]) {
    // The sync bench's 10,000 edits take about 20 minutes here; --quick makes 1,000.
    const extra = script.includes('sync') && QUICK ? ['--edits=1000'] : [];
    execFileSync(process.execPath, [script, ...extra], { stdio: 'inherit' });
  }
  execFileSync(process.execPath, ['bench/scale-chromium.mjs', ...(QUICK ? ['--quick'] : [])], {
    stdio: 'inherit',
  });
  log();
  log(
    `(${((Date.now() - started) / 1000).toFixed(0)} s; raw anchoring numbers in bench/.results/results.json)`,
  );
}

await main();
