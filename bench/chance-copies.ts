/**
 * How long must a quote be before a copy of it somewhere else is no longer chance? The
 * measurement behind SELF_EVIDENT in lib/anchoring/match.ts, run by bench/chance-copies.mjs.
 *
 * A stored quote found exactly once on a page is taken for the passage whatever its
 * context now, so the danger is a passage that was deleted while the same words stand by
 * chance elsewhere. Chance copies are counted between texts written independently: every
 * run of n units (words, or characters in Chinese and Japanese, see units.ts) of one
 * family of corpus pages is looked up in all the other families of the same script, and
 * in any real text passed in (man pages in several languages, a few megabytes: the size
 * of a long page, and more repetitive than prose). Copies inside one family are not
 * counted: those pages repeat the same paragraphs on purpose.
 */
import { buildTextModel } from '../lib/anchoring';
import { CONTEXT_SLACK, similarity } from '../lib/anchoring/context';
import { CONTEXT_LENGTH } from '../lib/anchoring/describe';
import { foldString } from '../lib/anchoring/normalize';
import { units, wordUnits } from '../lib/anchoring/units';
import { dynamicCases } from '../tests/fixtures/anchoring/dynamic';
import { editCases } from '../tests/fixtures/anchoring/edits';
import { markupCases } from '../tests/fixtures/anchoring/markup';
import { articleCases } from '../tests/fixtures/anchoring/recall-article';
import { deCases } from '../tests/fixtures/anchoring/recall-de';
import { jaCases } from '../tests/fixtures/anchoring/recall-ja';
import { linkCases } from '../tests/fixtures/anchoring/recall-links';
import { zhCases } from '../tests/fixtures/anchoring/recall-zh';
import { repeatCases } from '../tests/fixtures/anchoring/repeats';
import { structureCases } from '../tests/fixtures/anchoring/structure';
import type { AnchoringCase } from '../tests/fixtures/anchoring/types';

const MAX_N = 24;
const SEP = '\u0001';

interface Family {
  name: string;
  texts: string[];
}

export interface Row {
  n: number;
  /** Distinct runs of n units in the corpus, by script. */
  needles: number;
  /** Of those, how many stand in an independent text. */
  found: number;
  /** The longest (in characters) of those found, for spaced scripts. */
  maxChars: number;
  examples: string[];
}

export interface Measurement {
  families: { name: string; chars: number }[];
  externalChars: number;
  spaced: Row[];
  unspaced: Row[];
  /** Maximal repeats inside single corpus pages, by length in units, and by script. */
  repeats: { spaced: Map<number, string[]>; unspaced: Map<number, string[]> };
  /**
   * How well one side of a stored context agrees, by chance, with the text beside an
   * unrelated place: similarity (context.ts) of CONTEXT_LENGTH characters of one family
   * to CONTEXT_LENGTH characters of another, of the same script, sampled at word starts.
   */
  chanceContext: {
    script: string;
    pairs: number;
    p50: number;
    p99: number;
    max: number;
    /** The same, the text beside the place read CONTEXT_SLACK characters further (context.ts). */
    withSlack: { p50: number; p99: number; max: number };
    /** Inside one page, read with the slack (copied paragraphs included, so its highest is 1). */
    samePage: { pairs: number; p50: number; p99: number; max: number; chance: number; copies: number };
  }[];
  /** The same inside each of the real texts passed in. */
  externalRepeats: { spaced: Map<number, string[]>; unspaced: Map<number, string[]> };
}

/**
 * Runs repeated inside one text that cannot be extended on either side (their copies
 * differ in the unit before, and in the unit after): the repeats a page has of itself.
 */
function maximalRepeats(tokens: string[], into: Measurement['repeats']): void {
  const at = new Map<string, number[]>();
  for (let n = 1; n <= MAX_N * 4; n++) {
    at.clear();
    for (let i = 0; i + n <= tokens.length; i++) {
      const key = tokens.slice(i, i + n).join(SEP);
      const list = at.get(key);
      if (list) list.push(i);
      else at.set(key, [i]);
    }
    let any = false;
    for (const [key, starts] of at) {
      if (starts.length < 2 || (starts.at(-1) ?? 0) - (starts[0] ?? 0) < n) continue;
      any = true;
      const left = new Set(starts.map((s) => tokens[s - 1]));
      const right = new Set(starts.map((s) => tokens[s + n]));
      if (left.size < 2 || right.size < 2) continue;
      const text = display(key);
      const bucket = units(text).unspaced ? into.unspaced : into.spaced;
      const list = bucket.get(n) ?? [];
      if (!list.includes(text)) list.push(text);
      bucket.set(n, list);
    }
    if (!any) break;
  }
}

/** The corpus pages by family: pages of one family share paragraphs, pages of two do not. */
function corpusFamilies(doc: Document): Family[] {
  const groups: [string, AnchoringCase[]][] = [
    [
      'English news prose (edits, markup, repeats, structure, dynamic)',
      [...editCases, ...markupCases, ...repeatCases, ...structureCases, ...dynamicCases],
    ],
    ['Chinese news article', zhCases],
    ['Japanese news portal', jaCases],
    ['library home page (link lines, captions)', linkCases],
    ['English long-form article', articleCases],
    ['German wiki article', deCases],
  ];
  return groups.map(([name, cases]) => {
    const texts = new Set<string>();
    for (const kase of cases) {
      for (const html of [kase.before, kase.after]) {
        doc.body.innerHTML = html;
        kase.setup?.(doc);
        texts.add(foldString(buildTextModel(doc.body).text));
      }
    }
    return { name, texts: [...texts] };
  });
}

function runs(tokens: string[], n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + n <= tokens.length; i++) out.push(tokens.slice(i, i + n).join(SEP));
  return out;
}

const display = (run: string) => {
  const tokens = run.split(SEP);
  return units(tokens.join('')).unspaced ? tokens.join('') : tokens.join(' ');
};

export function measure(doc: Document, external: string[]): Measurement {
  const families = corpusFamilies(doc);
  const tokensOf = families.map((f) => f.texts.map((t) => wordUnits(t)));
  const externalTokens = external.map((t) => wordUnits(foldString(t)));
  const spaced: Row[] = [];
  const unspaced: Row[] = [];
  for (let n = 1; n <= MAX_N; n++) {
    const perFamily = tokensOf.map((texts) => new Set(texts.flatMap((tokens) => runs(tokens, n))));
    const outside = new Set(externalTokens.flatMap((tokens) => runs(tokens, n)));
    const rows = {
      spaced: { n, needles: 0, found: 0, maxChars: 0, examples: [] as string[] },
      unspaced: { n, needles: 0, found: 0, maxChars: 0, examples: [] as string[] },
    };
    perFamily.forEach((needles, i) => {
      for (const run of needles) {
        const text = display(run);
        const u = units(text);
        const row = u.unspaced ? rows.unspaced : rows.spaced;
        row.needles++;
        const elsewhere = outside.has(run) || perFamily.some((other, j) => j !== i && other.has(run));
        if (!elsewhere) continue;
        row.found++;
        row.maxChars = Math.max(row.maxChars, u.chars);
        if (row.examples.length < 4) row.examples.push(text);
      }
    });
    spaced.push(rows.spaced);
    unspaced.push(rows.unspaced);
  }
  const chanceContext = (['spaced', 'unspaced'] as const).map((script) => {
    const windows = families.map((f) =>
      f.texts.flatMap((text) => {
        const out: string[] = [];
        for (let i = 0; i + CONTEXT_LENGTH + CONTEXT_SLACK <= text.length; i += 7) {
          const w = text.slice(i, i + CONTEXT_LENGTH + CONTEXT_SLACK);
          if (units(w).unspaced === (script === 'unspaced')) out.push(w);
        }
        return out;
      }),
    );
    const scores: number[] = [];
    const slack: number[] = [];
    // Inside one page, at places at least 200 characters apart: text of the same page and
    // template, the neighbours a deleted link line's copies really have.
    const samePage: number[] = [];
    for (const f of families)
      for (const text of f.texts)
        for (let i = 0; i + CONTEXT_LENGTH <= text.length; i += 11) {
          const stored = text.slice(i, i + CONTEXT_LENGTH);
          if (units(stored).unspaced !== (script === 'unspaced')) continue;
          const j = (i * 7919 + 200) % text.length;
          if (Math.abs(j - i) < 200 || j + CONTEXT_LENGTH + CONTEXT_SLACK > text.length) continue;
          samePage.push(similarity(text.slice(j, j + CONTEXT_LENGTH + CONTEXT_SLACK), stored));
        }
    windows.forEach((mine, i) => {
      windows.forEach((theirs, j) => {
        if (i === j || theirs.length === 0) return;
        for (let k = 0; k < mine.length; k += 3) {
          const other = theirs[(k * 7919) % theirs.length] as string;
          const stored = (mine[k] as string).slice(0, CONTEXT_LENGTH);
          scores.push(similarity(other.slice(0, CONTEXT_LENGTH), stored));
          slack.push(similarity(other, stored));
        }
      });
    });
    const summary = (values: number[]) => {
      values.sort((a, b) => a - b);
      const at = (q: number) => values[Math.min(values.length - 1, Math.floor(q * values.length))] ?? 0;
      return { p50: at(0.5), p99: at(0.99), max: values[values.length - 1] ?? 0 };
    };
    return {
      script,
      pairs: scores.length,
      ...summary(scores),
      withSlack: summary(slack),
      samePage: {
        pairs: samePage.length,
        ...summary(samePage),
        /** The highest below 0.9, above which the two places are copies of one text. */
        chance: Math.max(0, ...samePage.filter((v) => v < 0.9)),
        copies: samePage.filter((v) => v >= 0.9).length,
      },
    };
  });
  const repeats: Measurement['repeats'] = { spaced: new Map(), unspaced: new Map() };
  for (const texts of tokensOf) for (const tokens of texts) maximalRepeats(tokens, repeats);
  const externalRepeats: Measurement['repeats'] = { spaced: new Map(), unspaced: new Map() };
  for (const tokens of externalTokens) maximalRepeats(tokens, externalRepeats);
  return {
    chanceContext,
    repeats,
    externalRepeats,
    families: families.map((f) => ({ name: f.name, chars: f.texts.reduce((a, t) => a + t.length, 0) })),
    externalChars: external.reduce((a, t) => a + t.length, 0),
    spaced,
    unspaced,
  };
}
