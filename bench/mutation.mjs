// CPU cost of Gloss on a page that never stops mutating (a ticker, an infinite feed, and a
// story block re-rendered twice a second), measured over 10 s with Chromium's own task
// accounting (CDP Performance.getMetrics), once without the extension and once with it
// drawing two highlights, one of them inside the block that keeps being re-rendered.
// Also: the time from the demo article's load event to all its highlights drawn.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, extensionArgs, QUIET_ARGS } from '../scripts/chromium.mjs';
import { recordFirstDraw, waitForGloss } from '../scripts/gloss-ready.mjs';
import { serveStatic } from '../scripts/static-server.mjs';

const SECONDS = Number(process.env.GLOSS_BENCH_MUTATION_SECONDS ?? 10);
const extension = resolve('.output/chrome-mv3');
const out = resolve('bench/.results');

writeFileSync(
  join(out, 'ticker.html'),
  `<!doctype html><html><head><meta charset="utf-8"><title>ticker</title></head><body>
<main style="max-width:600px;margin:30px;font:16px/1.5 serif">
<p id="static">A quiet paragraph that never changes, about the harbour, its boats and the keeper of the light.</p>
<p>Price: <span id="clock">0</span></p>
<div id="story"></div><ul id="feed"></ul></main>
<script>
const story = '<p>The story block is rendered again and again by its framework, with the same words each time.</p>';
document.getElementById('story').innerHTML = story;
let n = 0;
setInterval(() => {
  document.getElementById('clock').textContent = String(++n);
  const li = document.createElement('li');
  li.textContent = 'Feed item ' + n + ' arrives with a little more text to read.';
  document.getElementById('feed').append(li);
}, 50);
setInterval(() => (document.getElementById('story').innerHTML = story), 500);
</script></body></html>`,
);

async function select(page, from, to) {
  await page.evaluate(
    ([a, b]) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.data.indexOf(a);
        if (i < 0) continue;
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, n.data.indexOf(b) + b.length);
        getSelection().removeAllRanges();
        getSelection().addRange(r);
        return;
      }
    },
    [from, to],
  );
}

async function withBrowser(withExtension, work) {
  const profile = mkdtempSync(join(tmpdir(), 'gloss-bench-mut-'));
  const args = withExtension ? [...extensionArgs(extension), ...QUIET_ARGS] : QUIET_ARGS;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args,
  });
  try {
    return await work(context);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

async function cpuOver(context, url, annotate) {
  const page = await context.newPage();
  await page.goto(url);
  if (annotate) {
    await waitForGloss(context, page);
    for (const [a, b] of [
      ['quiet paragraph', 'keeper of the light'],
      ['rendered again', 'same words'],
    ]) {
      await select(page, a, b);
      await page.keyboard.press('h');
      await page.waitForTimeout(200);
    }
    await page.waitForFunction(
      () =>
        new Set([...document.querySelectorAll('mark[data-annotation-id]')].map((e) => e.dataset.annotationId))
          .size === 2,
    );
  }
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metric = async () =>
    Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const before = await metric();
  await page.waitForTimeout(SECONDS * 1000);
  const after = await metric();
  const drawnAtEnd = await page.evaluate(
    () =>
      new Set([...document.querySelectorAll('mark[data-annotation-id]')].map((e) => e.dataset.annotationId))
        .size,
  );
  return {
    taskMs: (after.TaskDuration - before.TaskDuration) * 1000,
    scriptMs: (after.ScriptDuration - before.ScriptDuration) * 1000,
    drawnAtEnd,
  };
}

async function loadToDrawn(context, url) {
  await recordFirstDraw(context, 5);
  const page = await context.newPage();
  await page.goto(url);
  await waitForGloss(context, page);
  const passages = [
    ['two principal', 'goals'],
    ['polarize Muslims', 'one another'],
    ['Helpfully', 'described for us'],
    ['lone wolves', 'central leadership'],
    ['redemption', 'oppressed'],
  ];
  for (const [a, b] of passages) {
    await select(page, a, b);
    await page.keyboard.press('h');
    await page.waitForTimeout(150);
  }
  const samples = [];
  for (let i = 0; i < 9; i++) {
    await page.reload();
    await page.waitForFunction(() => window.__drawnAt !== undefined);
    samples.push(
      await page.evaluate(() => ({
        drawn: window.__drawnAt,
        load: performance.getEntriesByType('navigation')[0].loadEventEnd,
        count: new Set(
          [...document.querySelectorAll('mark[data-annotation-id]')].map((e) => e.dataset.annotationId),
        ).size,
      })),
    );
  }
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return {
    afterLoad: median(samples.map((s) => s.drawn - s.load)),
    sinceStart: median(samples.map((s) => s.drawn)),
    count: samples[0].count,
  };
}

const { server, url } = await serveStatic([out, 'demo']);
try {
  const without = await withBrowser(false, (c) => cpuOver(c, `${url}/ticker.html`, false));
  const { withGloss, demo } = await withBrowser(true, async (c) => ({
    withGloss: await cpuOver(c, `${url}/ticker.html`, true),
    demo: await loadToDrawn(c, `${url}/article.html`),
  }));
  console.log(
    `\nA page that mutates constantly (50 ms ticker + feed, re-render every 500 ms), ${SECONDS} s of main-thread time:`,
  );
  console.log(
    `  without Gloss:  tasks ${without.taskMs.toFixed(0)} ms, script ${without.scriptMs.toFixed(0)} ms`,
  );
  console.log(
    `  with Gloss:     tasks ${withGloss.taskMs.toFixed(0)} ms, script ${withGloss.scriptMs.toFixed(0)} ms; highlights drawn at the end: ${withGloss.drawnAtEnd}/2`,
  );
  console.log(
    `  Gloss's share:  +${(withGloss.taskMs - without.taskMs).toFixed(0)} ms of tasks = ${(((withGloss.taskMs - without.taskMs) / (SECONDS * 1000)) * 100).toFixed(2)}% of one core`,
  );
  console.log(
    `\nDemo article, ${demo.count} highlights: load event -> all drawn ${demo.afterLoad.toFixed(1)} ms (median of 9), ${demo.sinceStart.toFixed(1)} ms after navigation start`,
  );
} finally {
  server.close();
}
