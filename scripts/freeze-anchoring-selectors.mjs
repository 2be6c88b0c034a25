// Writes tests/fixtures/anchoring/frozen-selectors.json ONCE: the selectors today's
// describe() makes for the anchoring corpus, and where anchoring finds them. Readers'
// stored selectors never change, so neither may this file: it refuses to overwrite it.
// New cases go into a new file (pass its path as the first argument, and which cases).
//   node scripts/freeze-anchoring-selectors.mjs [out.json] [corpus|recall]
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { Window } from 'happy-dom';

const out = resolve(process.argv[2] ?? 'tests/fixtures/anchoring/frozen-selectors.json');
if (existsSync(out)) {
  console.error(`${out} exists and is frozen; write new cases to a new file.`);
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), 'gloss-freeze-'));
const bundle = join(dir, 'freeze.mjs');
await esbuild.build({
  entryPoints: ['scripts/freeze-anchoring-selectors.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: bundle,
  logLevel: 'warning',
});
const { freezeSelectors } = await import(pathToFileURL(bundle).href);
// The same window the unit tests get (vitest's happy-dom environment).
const window = new Window({ url: 'http://localhost:3000', settings: { disableErrorCapturing: true } });
const file = freezeSelectors(
  window.document,
  new Date().toISOString().slice(0, 10),
  process.argv[3] ?? 'corpus',
);
await window.happyDOM.close();
rmSync(dir, { recursive: true });
writeFileSync(out, `${JSON.stringify(file, null, 2)}\n`);
const count = file.cases.reduce((n, c) => n + c.annotations.length, 0);
console.log(`wrote ${out}: ${file.cases.length} cases, ${count} frozen targets`);
