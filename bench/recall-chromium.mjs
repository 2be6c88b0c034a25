// Recall on the anchoring corpus's edited pages, in headless Chromium (see bench/recall.ts):
// of the passages still on the page, how many Gloss, dom-anchor-text-quote and
// @apache-annotator/dom find in the right place, how many they draw in a wrong place
// (a deleted passage drawn anywhere included) and how many they lose. Part of `npm run
// bench`; alone: flock /tmp/gloss-browser.lock node bench/recall-chromium.mjs
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, QUIET_ARGS } from '../scripts/chromium.mjs';

const OUT = resolve('bench/.results');
const LIBRARIES = [
  ['gloss', 'Gloss'],
  ['quote', 'dom-anchor-text-quote'],
  ['apache', '@apache-annotator/dom'],
];

const log = (line = '') => process.stdout.write(`${line}\n`);
const pad = (text, width) => String(text).padEnd(width);

mkdirSync(OUT, { recursive: true });
await esbuild.build({
  entryPoints: ['bench/recall.ts'],
  bundle: true,
  format: 'iife',
  globalName: 'GlossRecall',
  platform: 'browser',
  target: 'chrome120',
  outfile: join(OUT, 'recall.js'),
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: QUIET_ARGS });
let judged;
try {
  const page = await browser.newPage();
  await page.setContent(
    '<!doctype html><html><head><meta charset="utf-8"><title>recall</title></head><body></body></html>',
  );
  await page.addScriptTag({ content: readFileSync(join(OUT, 'recall.js'), 'utf8') });
  judged = await page.evaluate(() => GlossRecall.run());
} finally {
  await browser.close();
}

function table(label, all) {
  const rows = all.filter((r) => !r.undecidable);
  const undecidable = all.filter((r) => r.undecidable);
  const cases = new Set(all.map((r) => r.case)).size;
  const surviving = rows.filter((r) => r.surviving).length;
  log(
    `${label}: ${cases} cases, ${all.length} passages: ${surviving} still on the page, ${rows.length - surviving} deleted, ${undecidable.length} undecidable`,
  );
  log(`  ${pad('', 24)}${pad('recall', 22)}${pad('misplaced', 11)}${pad('lost', 6)}undecidable drawn`);
  for (const [key, name] of LIBRARIES) {
    const count = (verdict, which = rows) => which.filter((r) => r[key] === verdict).length;
    const correct = count('correct');
    const rate = surviving ? ((100 * correct) / surviving).toFixed(1) : 'n/a';
    const drawn = undecidable.filter((r) => r[key] !== 'orphan').length;
    log(
      `  ${pad(name, 24)}${pad(`${correct}/${surviving} = ${rate}%`, 22)}${pad(count('misplaced'), 11)}${pad(count('lost'), 6)}${drawn}/${undecidable.length}`,
    );
  }
}

log();
log("Recall on the corpus's edited pages (correct: at least 90% overlap with the right span; misplaced:");
log('drawn over other text, or drawn although deleted; lost: still on the page and not drawn; undecidable:');
log(
  'words still on the page that the fixture leaves undrawn, too short for the context left or in several places):',
);
table('  all hand-written cases', judged);
table(
  "  issue 10's cases (moved, short asides, neighbour edits, one-word edits, decoys)",
  judged.filter((r) => r.recall),
);
const misplaced = judged.filter((r) => !r.undecidable && (r.gloss === 'misplaced' || r.gloss === 'lost'));
for (const r of misplaced) log(`  Gloss ${r.gloss}: ${r.case} / ${r.id}`);
