/**
 * The anchoring corpus: every fixture pair anchored and drawn in happy-dom. Zero misplaced
 * annotations is the hard requirement, zero lost (a passage still on the page not drawn)
 * the next; every outcome must match its fixture, "moved" included; the outcomes, the
 * fuzzy recovery rate (edited passages found again) and what was lost are printed.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { allCases } from '../fixtures/anchoring';
import { type AnnotationReport, runCase } from './corpus-harness';

const cases = allCases();
const reports: { name: string; annotations: AnnotationReport[] }[] = [];

describe('anchoring corpus', () => {
  it('has at least 30 before/after pairs', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  for (const kase of cases) {
    it(`${kase.name}`, { timeout: 120_000 }, () => {
      const report = runCase(document, kase);
      reports.push({ name: kase.name, annotations: report.annotations });
      expect(report.initialMismatches).toEqual([]);
      const wrong = report.annotations
        .filter((a) => !a.acceptable)
        .map((a) => `${a.id}: expected ${a.expected}${a.expectedMoved ? ' (moved)' : ''}, ${a.detail}`);
      expect(wrong).toEqual([]);
    });
  }

  // Runs after every case above: "lost" counts passages expected to be found (a fuzzy one
  // that may orphan included) that were not drawn.
  it('loses no passage that is still on the page', () => {
    const lost = reports.flatMap((r) =>
      r.annotations.filter((a) => a.lost).map((a) => `${r.name} / ${a.id}`),
    );
    expect(lost).toEqual([]);
  });

  afterAll(() => {
    const all = reports.flatMap((r) => r.annotations.map((a) => ({ ...a, id: `${r.name} / ${a.id}` })));
    const count = (outcome: string) => all.filter((a) => a.outcome === outcome).length;
    const fuzzyExpected = all.filter((a) => a.expected === 'fuzzy');
    const recovered = fuzzyExpected.filter((a) => a.recovered).length;
    const misplaced = all.filter((a) => a.misplaced);
    const lost = all.filter((a) => a.lost);
    const moved = all.filter((a) => a.moved).length;
    const rate = fuzzyExpected.length ? ((100 * recovered) / fuzzyExpected.length).toFixed(1) : 'n/a';
    console.log(
      [
        `anchoring corpus: ${reports.length} cases, ${all.length} annotations`,
        `  outcomes: ${count('exact')} exact (${moved} of them moved), ${count('fuzzy')} fuzzy, ${count('orphan')} orphan`,
        `  misplaced: ${misplaced.length}${misplaced.map((a) => `\n    ${a.id}: ${a.detail}`).join('')}`,
        `  lost (still on the page, not drawn): ${lost.length}${lost.map((a) => `\n    ${a.id}: ${a.detail}`).join('')}`,
        `  left undrawn on purpose though their words remain (too short for the context left, or ambiguous): ${all.filter((a) => a.survives && a.outcome === 'orphan').length}`,
        `  fuzzy recovery rate: ${recovered}/${fuzzyExpected.length} = ${rate}%`,
      ].join('\n'),
    );
  });
});
