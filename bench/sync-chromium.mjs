// Sync in the built extension, in headless Chromium, through a real WebDAV server (the npm
// webdav-server that `npm run sync-server` runs) on loopback:
// - the first sync of N annotations (bench/.results/gloss-export.json, 50,000 by default)
//   into an empty second profile, beside exporting them from the first profile's library and
//   importing the file into a third, in the same run;
// - one edit on A drawn on B's open page;
// - bytes the server holds per annotation, and after E edits (10,000 by default), compacted.
// Run it through the browser lock, after `npx wxt build`:
//   flock /tmp/gloss-browser.lock node bench/sync-chromium.mjs [--edits=10000]
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import webdav from 'webdav-server';
import { CHROMIUM_PATH, extensionArgs, QUIET_ARGS } from '../scripts/chromium.mjs';
import { waitForGloss } from '../scripts/gloss-ready.mjs';
import { serveStatic } from '../scripts/static-server.mjs';

const arg = (name, fallback) => {
  const found = process.argv.find((a) => a.startsWith(`--${name}=`));
  return found ? Number(found.split('=')[1]) : fallback;
};
const EDITS = arg('edits', 10_000);
const extension = resolve('.output/chrome-mv3');
const file = resolve('bench/.results/gloss-export.json');
const PASSPHRASE = 'benchmark passphrase, not a secret';
const LONG = { timeout: 600_000 };

const folder = mkdtempSync(join(tmpdir(), 'gloss-bench-dav-'));
const dav = new webdav.v2.WebDAVServer({
  port: 0,
  hostname: '127.0.0.1',
  rootFileSystem: new webdav.v2.PhysicalFileSystem(folder),
});
const davPort = await new Promise((done) => dav.start((http) => done(http.address().port)));
const davUrl = `http://127.0.0.1:${davPort}/gloss/`;
const { server: pages, url: pagesUrl } = await serveStatic(['tests/e2e/pages', 'demo']);

const profiles = [];
async function profile() {
  const dir = mkdtempSync(join(tmpdir(), 'gloss-bench-sync-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    acceptDownloads: true,
    args: [...extensionArgs(extension), ...QUIET_ARGS],
  });
  context.setDefaultTimeout(600_000);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  profiles.push({ context, dir });
  return { context, id, page: (path) => `chrome-extension://${id}/${path}` };
}

function serverBytes() {
  let bytes = 0;
  let files = 0;
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const info = statSync(path);
      if (info.isDirectory()) walk(path);
      else {
        bytes += info.size;
        files += 1;
      }
    }
  };
  walk(folder);
  return { bytes, files };
}

async function importFile(p) {
  const library = await p.context.newPage();
  await library.goto(p.page('library.html'));
  const start = Date.now();
  await library.getByLabel('Import', { exact: true }).setInputFiles(file);
  await library.getByText(/^Imported /).waitFor(LONG);
  return { library, ms: Date.now() - start };
}

/** Waits for "Synced" with nothing waiting, printing the status line whenever it changes. */
async function waitSynced(options, label) {
  const line = options.getByRole('status', { name: 'Sync status' });
  let last = '';
  const deadline = Date.now() + 900_000;
  for (;;) {
    const text = (await line.textContent()) ?? '';
    if (/^Synced · .* · 0 changes waiting/.test(text)) return;
    const shown = text.replace(/last synced at [^·]*/, '');
    if (shown !== last) console.log(`  [${label}] ${text}`);
    last = shown;
    if (Date.now() > deadline) throw new Error(`${label}: not synced: ${text}`);
    await options.waitForTimeout(500);
  }
}

async function turnOn(p, label) {
  const options = await p.context.newPage();
  await options.goto(p.page('options.html'));
  await options.getByLabel('Sync server').fill(davUrl);
  await options.getByLabel('Passphrase').fill(PASSPHRASE);
  const start = Date.now();
  await options.getByRole('button', { name: 'Turn on sync' }).click();
  await waitSynced(options, label);
  return { options, ms: Date.now() - start };
}

const s = (ms) => `${(ms / 1000).toFixed(2)} s`;

try {
  const a = await profile();
  const { library: libraryA, ms: importA } = await importFile(a);
  const report = (await libraryA.getByText(/^Imported /).textContent()) ?? '';
  const total = Number(report.match(/^Imported ([\d,]+)/)?.[1].replace(/,/g, '') ?? 0);

  // The same data the other way: exported from A's library, imported into a fresh profile.
  const exportStart = Date.now();
  const [download] = await Promise.all([
    libraryA.waitForEvent('download', LONG),
    libraryA.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  const exported = join(mkdtempSync(join(tmpdir(), 'gloss-bench-export-')), 'export.json');
  await download.saveAs(exported);
  const exportMs = Date.now() - exportStart;
  const c = await profile();
  const libraryC = await c.context.newPage();
  await libraryC.goto(c.page('library.html'));
  const importStart = Date.now();
  await libraryC.getByLabel('Import', { exact: true }).setInputFiles(exported);
  await libraryC.getByText(/^Imported /).waitFor(LONG);
  const importMs = Date.now() - importStart;

  console.log(`  A imported ${total} in ${s(importA)}; export ${s(exportMs)}, import into C ${s(importMs)}`);
  const { options: optionsA, ms: upMs } = await turnOn(a, 'A');
  const uploaded = serverBytes();
  const b = await profile();
  console.log(`  A synced up in ${s(upMs)}`);
  const { ms: downMs } = await turnOn(b, 'B');
  console.log(`  B synced down in ${s(downMs)}`);
  const libraryB = await b.context.newPage();
  await libraryB.goto(b.page('library.html'));
  await libraryB.getByText(new RegExp(`of ${total.toLocaleString('en-US')} annotations`)).waitFor(LONG);

  // One edit from A, drawn on B's open page.
  const article = `${pagesUrl}/article.html?bench=sync`;
  const pageA = await a.context.newPage();
  await pageA.goto(article);
  const pageB = await b.context.newPage();
  await pageB.goto(article);
  await waitForGloss(a.context, pageA);
  await waitForGloss(b.context, pageB);
  await pageA.bringToFront();
  const box = await pageA.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent.indexOf('two principal');
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 'two principal but contradictory goals'.length);
      const rect = range.getBoundingClientRect();
      return { x1: rect.left + 1, y: rect.top + rect.height / 2, x2: rect.right - 1 };
    }
    return null;
  });
  await pageA.mouse.move(box.x1, box.y);
  await pageA.mouse.down();
  await pageA.mouse.move(box.x2, box.y, { steps: 5 });
  await pageA.mouse.up();
  const editStart = Date.now();
  await pageA.keyboard.press('h');
  await pageB.waitForFunction(() => document.querySelector('mark[data-annotation-id]'), null, LONG);
  const editMs = Date.now() - editStart;
  console.log(`  one highlight on A drawn on B in ${s(editMs)}`);

  // E edits of notes through the background, as the library sends them, then synced.
  const editor = await a.context.newPage();
  await editor.goto(a.page('popup.html'));
  const before = serverBytes();
  const editsStart = Date.now();
  await editor.evaluate(async (edits) => {
    const ids = await new Promise((resolve, reject) => {
      const open = indexedDB.open('gloss');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const keys = open.result.transaction('annotations').objectStore('annotations').getAllKeys(null, 500);
        keys.onsuccess = () => resolve(keys.result);
      };
    });
    for (let n = 0; n < edits; n++) {
      const id = ids[n % ids.length];
      await chrome.runtime.sendMessage({
        type: 'editAnnotations',
        ids: [id],
        edit: { kind: 'update', changes: { note: `edit ${n} of the note on ${id.slice(0, 8)}` } },
      });
    }
  }, EDITS);
  console.log(`  ${EDITS} edits sent in ${s(Date.now() - editsStart)}`);
  await optionsA.getByRole('button', { name: 'Sync now' }).click();
  await waitSynced(optionsA, 'A edits');
  const editsMs = Date.now() - editsStart;
  const after = serverBytes();

  console.log(
    `\nSync through a WebDAV server on loopback (Chromium, ${total.toLocaleString('en-US')} annotations)`,
  );
  console.log(`  A: import into the library ${s(importA)}; first sync up (turn on -> Synced) ${s(upMs)}`);
  console.log(
    `  B (empty profile): turn on -> Synced ${s(downMs)}  vs  export from A ${s(exportMs)} + import into a new profile ${s(importMs)} = ${s(exportMs + importMs)} (${((downMs / (exportMs + importMs)) * 1).toFixed(2)}x)`,
  );
  console.log(
    `  one new highlight on A drawn on B's open page: ${s(editMs)} (B polls every 4 s; A sends 1 s after a change)`,
  );
  console.log(
    `  server: ${uploaded.files} files, ${(uploaded.bytes / 1e6).toFixed(1)} MB, ${(uploaded.bytes / total).toFixed(0)} bytes per annotation (the export JSON: ${(statSync(file).size / total).toFixed(0)})`,
  );
  console.log(
    `  after ${EDITS.toLocaleString('en-US')} note edits on 500 annotations (${s(editsMs)} incl. sync): ${after.files} files, ${(after.bytes / 1e6).toFixed(1)} MB (+${(((after.bytes - before.bytes) / before.bytes) * 100).toFixed(1)}%), ${(after.bytes / total).toFixed(0)} bytes per annotation`,
  );
} finally {
  for (const { context, dir } of profiles) {
    await context.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
  pages.close();
  await new Promise((done) => dav.stop(done));
  rmSync(folder, { recursive: true, force: true });
}
