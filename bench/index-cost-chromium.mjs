// What each index of the annotations store costs an import, in headless Chromium's real
// IndexedDB: 50,000 records (the shape of Gloss's records, 10 per page) are written in
// chunks of 1,000 inside one read-write transaction, as lib/db/import.ts writes them, into
// a fresh store with no index, with each index alone, and with all four (today's schema).
// Median of three runs per variant; the extension page is only a place with an origin.
//   flock /tmp/gloss-browser.lock node bench/index-cost-chromium.mjs [--total=50000]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, extensionArgs, QUIET_ARGS } from '../scripts/chromium.mjs';

const TOTAL = Number(process.argv.find((a) => a.startsWith('--total='))?.slice(8) ?? 50_000);
const RUNS = 3;
const VARIANTS = [
  { name: 'no index (primary key only)', indexes: [] },
  { name: '+ pageKey', indexes: [['pageKey', false]] },
  { name: '+ created', indexes: [['created', false]] },
  { name: '+ modified', indexes: [['modified', false]] },
  { name: '+ tags (multi-entry, 2 tags each)', indexes: [['tags', true]] },
  {
    name: 'all four (the schema today)',
    indexes: [
      ['pageKey', false],
      ['created', false],
      ['modified', false],
      ['tags', true],
    ],
  },
];

const profile = mkdtempSync(join(tmpdir(), 'gloss-bench-index-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: [...extensionArgs(resolve('.output/chrome-mv3')), ...QUIET_ARGS],
});
try {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const page = await context.newPage();
  await page.goto(`chrome-extension://${new URL(worker.url()).host}/popup.html`);
  const results = [];
  for (const variant of VARIANTS) {
    const times = [];
    for (let run = 0; run < RUNS; run++) {
      times.push(
        await page.evaluate(
          ({ total, indexes, name }) =>
            new Promise((done, fail) => {
              const open = indexedDB.open(name, 1);
              open.onupgradeneeded = () => {
                const store = open.result.createObjectStore('annotations', { keyPath: 'id' });
                for (const [index, multiEntry] of indexes) store.createIndex(index, index, { multiEntry });
              };
              open.onerror = () => fail(open.error);
              open.onsuccess = () => {
                const db = open.result;
                const records = Array.from({ length: total }, (_, n) => {
                  const at = new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
                  const url = `https://example.org/post?p=${Math.floor(n / 10)}`;
                  return {
                    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
                    pageKey: url,
                    url,
                    title: `Page ${Math.floor(n / 10)}`,
                    target: {
                      quote: {
                        type: 'TextQuoteSelector',
                        exact: `passage ${n} `.repeat(8),
                        prefix: 'p'.repeat(32),
                        suffix: 's'.repeat(32),
                      },
                      position: { type: 'TextPositionSelector', start: n, end: n + 80 },
                    },
                    note: n % 3 === 0 ? `A note about passage ${n}.` : '',
                    tags: [`tag${n % 50}`, `topic${n % 7}`],
                    color: 'yellow',
                    created: at,
                    modified: at,
                  };
                });
                const started = performance.now();
                const tx = db.transaction('annotations', 'readwrite');
                const store = tx.objectStore('annotations');
                let next = 0;
                // Chunk by chunk, each put after the previous chunk's last one succeeded.
                const writeChunk = () => {
                  const end = Math.min(total, next + 1000);
                  let last;
                  for (; next < end; next++) last = store.put(records[next]);
                  if (next < total && last) last.onsuccess = writeChunk;
                };
                writeChunk();
                tx.oncomplete = () => {
                  const took = performance.now() - started;
                  db.close();
                  const del = indexedDB.deleteDatabase(name);
                  del.onsuccess = () => done(took);
                  del.onerror = () => done(took);
                };
                tx.onerror = () => fail(tx.error);
              };
            }),
          { total: TOTAL, indexes: variant.indexes, name: `index-cost-${results.length}-${run}` },
        ),
      );
    }
    results.push({ name: variant.name, ms: [...times].sort((a, b) => a - b)[1] });
  }
  const base = results[0].ms;
  process.stdout.write(
    `\nIndexedDB write of ${TOTAL.toLocaleString('en-US')} records in one transaction, by index (Chromium, median of ${RUNS})\n`,
  );
  for (const r of results)
    process.stdout.write(
      `  ${r.name.padEnd(40)}${`${(r.ms / 1000).toFixed(2)} s`.padEnd(10)}${r === results[0] ? '' : `+${((r.ms - base) / 1000).toFixed(2)} s`}\n`,
    );
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
