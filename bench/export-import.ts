/**
 * Export and import figures for 50,000 annotations (issue 5): each exporter's time and
 * output size, parsing the JSON-LD back, and writing it into an empty database and again
 * into a full one (the idempotent re-import). Runs in Node on fake-indexeddb, so the import
 * figure is the merge-and-write logic, not Chromium's IndexedDB; the e2e suite covers that.
 */
import 'fake-indexeddb/auto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { GlossDatabase } from '../lib/db';
import { importAnnotations } from '../lib/db/import';
import { parseImport, toCsv, toHtml, toMarkdown, toWebAnnotation } from '../lib/export';
import { type Annotation, HIGHLIGHT_COLORS } from '../lib/types';

const COUNT = Number(process.env.GLOSS_BENCH_EXPORT_COUNT ?? 50_000);
const WORDS = 'the reader keeps a pen in hand and marks what matters on every page of the web'.split(' ');

function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

function corpus(count: number): Annotation[] {
  const random = seeded(7);
  const words = (n: number) =>
    Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
  const base = Date.UTC(2026, 0, 1);
  return Array.from({ length: count }, (_, i) => {
    const page = `https://example.org/articles/${i % 500}?id=${i % 500}`;
    const date = new Date(base + i * 60_000).toISOString();
    return {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      pageKey: page,
      url: page,
      title: `Article ${i % 500}: ${words(4)}`,
      target: {
        quote: { type: 'TextQuoteSelector', exact: words(12), prefix: words(5), suffix: words(5) },
        position: { type: 'TextPositionSelector', start: i * 10, end: i * 10 + 60 },
      },
      note: i % 3 === 0 ? `A note with *Markdown*, "quotes", commas, and =formula ${i}` : '',
      tags: i % 5 === 0 ? ['reading', `tag-${i % 7}`] : [],
      color: HIGHLIGHT_COLORS[i % HIGHLIGHT_COLORS.length] ?? 'yellow',
      created: date,
      modified: date,
    };
  });
}

async function time<T>(work: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

const mb = (text: string) => `${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB`;
const list = corpus(COUNT);
const rows: [string, number, string][] = [];
for (const [name, run] of [
  ['Markdown', () => toMarkdown(list, { frontMatter: true })],
  ['W3C JSON-LD', () => JSON.stringify(toWebAnnotation(list))],
  ['CSV', () => toCsv(list)],
  ['HTML', () => toHtml(list)],
] as const) {
  const { ms, value } = await time(run);
  rows.push([`export ${name}`, ms, mb(value)]);
}
const json = JSON.stringify(toWebAnnotation(list));
// The same file is imported through the real library page by bench/import-chromium.mjs.
mkdirSync('bench/.results', { recursive: true });
writeFileSync('bench/.results/gloss-export.json', json);
const parsed = await time(() => parseImport(json));
if (!parsed.value.ok) throw new Error(parsed.value.error);
const annotations = parsed.value.annotations;
rows.push(['parse import (JSON-LD)', parsed.ms, `${annotations.length} annotations`]);
const db = new GlossDatabase('bench-import');
const first = await time(() => importAnnotations(db, annotations));
rows.push(['import into empty db', first.ms, `${first.value.added} added`]);
const again = await time(() => importAnnotations(db, annotations));
rows.push([
  'import again (idempotent)',
  again.ms,
  `${again.value.added} added, ${again.value.unchanged} unchanged`,
]);
db.close();

console.log(`\nExport and import, ${COUNT.toLocaleString('en')} annotations (Node, fake-indexeddb)`);
for (const [name, ms, detail] of rows)
  console.log(`  ${name.padEnd(28)} ${ms.toFixed(0).padStart(7)} ms   ${detail}`);
const worstExport = Math.max(...rows.filter(([n]) => n.startsWith('export')).map(([, ms]) => ms));
const importTotal = parsed.ms + first.ms;
console.log(
  `  target: each export < 3 s: ${worstExport < 3000 ? 'PASS' : 'FAIL'} (slowest ${(worstExport / 1000).toFixed(2)} s)`,
);
console.log(
  `  target: import < 10 s: ${importTotal < 10_000 ? 'PASS' : 'FAIL'} (parse + write ${(importTotal / 1000).toFixed(2)} s)`,
);
