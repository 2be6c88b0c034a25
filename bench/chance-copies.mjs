// Chance copies by quote length (see bench/chance-copies.ts): the measurement behind
// SELF_EVIDENT in lib/anchoring/match.ts. No browser; part of `npm run bench`.
//   node bench/chance-copies.mjs          the corpus only
//   node bench/chance-copies.mjs --man    and the man pages installed in Chinese, Japanese,
//                                         German and English (rendered with man(1))
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { Window } from 'happy-dom';

const MAN = ['zh_CN', 'zh_TW', 'ja', 'de'];
/** English man pages are many megabytes: this many of them, the first in name order. */
const ENGLISH_PAGES = 120;

function manText() {
  const texts = [];
  const render = (file) => {
    try {
      return execFileSync('man', ['--no-hyphenation', '--no-justification', '-l', file], {
        env: { ...process.env, MANWIDTH: '4000' },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
    } catch {
      return '';
    }
  };
  const pages = (dir) =>
    existsSync(dir)
      ? readdirSync(dir, { withFileTypes: true })
          .filter((d) => d.isDirectory() && d.name.startsWith('man'))
          .flatMap((d) => readdirSync(join(dir, d.name)).map((f) => join(dir, d.name, f)))
          .sort()
      : [];
  for (const lang of MAN) for (const file of pages(join('/usr/share/man', lang))) texts.push(render(file));
  for (const file of pages('/usr/share/man')
    .filter((f) => f.includes('/man1/'))
    .slice(0, ENGLISH_PAGES))
    texts.push(render(file));
  return texts.filter((t) => t.length > 0);
}

const dir = mkdtempSync(join(tmpdir(), 'gloss-chance-'));
try {
  await esbuild.build({
    entryPoints: ['bench/chance-copies.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: join(dir, 'chance.mjs'),
    logLevel: 'warning',
  });
  const { measure } = await import(pathToFileURL(join(dir, 'chance.mjs')).href);
  const window = new Window({ url: 'http://localhost:3000' });
  const external = process.argv.includes('--man') ? manText() : [];
  const result = measure(window.document, external);
  await window.happyDOM.close();

  const log = (line = '') => process.stdout.write(`${line}\n`);
  log('Chance copies: runs of n units of one corpus family that stand in an independent text');
  log(
    `(${result.families.map((f) => `${f.name} ${f.chars}`).join('; ')} characters${external.length ? `; ${external.length} man pages, ${result.externalChars} characters` : ''})`,
  );
  for (const [label, rows] of [
    ['spaced scripts, n words', result.spaced],
    ['Chinese and Japanese, n characters', result.unspaced],
  ]) {
    log();
    log(`${label}: found / runs (longest found, in characters without spaces), examples`);
    for (const row of rows) {
      if (row.needles === 0) continue;
      const rate = ((100 * row.found) / row.needles).toFixed(2);
      log(
        `  n=${String(row.n).padStart(2)}  ${String(row.found).padStart(5)} / ${String(row.needles).padStart(6)} = ${rate.padStart(6)}%  (${row.maxChars})  ${row.examples.map((e) => JSON.stringify(e)).join(' ')}`,
      );
      if (row.found === 0) break;
    }
  }
  log();
  log(`One side of a ${32}-character context against the text beside an unrelated place (chance agreement):`);
  for (const c of result.chanceContext) {
    const line = (v) =>
      `median ${v.p50.toFixed(2)}, 99th percentile ${v.p99.toFixed(2)}, highest ${v.max.toFixed(2)}`;
    log(`  ${c.script}: ${c.pairs} pairs, ${line(c)}; read 8 characters further: ${line(c.withSlack)}`);
    log(
      `    inside one page (${c.samePage.pairs} pairs): ${line(c.samePage)}; ${c.samePage.copies} copies (0.9 or more), highest below them ${c.samePage.chance.toFixed(2)}`,
    );
  }
  log();
  log(
    'Repeats inside single pages (maximal: the copies differ before and after), by length: count (longest in characters), examples',
  );
  for (const [label, map] of [
    ['corpus, spaced scripts, words', result.repeats.spaced],
    ['corpus, Chinese and Japanese, characters', result.repeats.unspaced],
    ...(external.length
      ? [
          ['man pages, spaced scripts, words', result.externalRepeats.spaced],
          ['man pages, Chinese and Japanese, characters', result.externalRepeats.unspaced],
        ]
      : []),
  ]) {
    log(`  ${label}:`);
    for (const n of [...map.keys()].sort((a, b) => a - b)) {
      const list = map.get(n);
      const longest = Math.max(...list.map((e) => e.replace(/\s/g, '').length));
      log(
        `    ${String(n).padStart(3)}: ${String(list.length).padStart(4)} (${longest})  ${list
          .slice(0, 5)
          .map((e) => JSON.stringify(e.slice(0, 60)))
          .join(' ')}`,
      );
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
