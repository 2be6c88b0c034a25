/**
 * The anchoring corpus: every fixture pair anchored and drawn in happy-dom. Zero misplaced
 * annotations is the hard requirement; every outcome must match its fixture; the fuzzy
 * recovery rate (edited passages found again) is printed.
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
        .map((a) => `${a.id}: expected ${a.expected}, ${a.detail}`);
      expect(wrong).toEqual([]);
    });
  }

  afterAll(() => {
    const all = reports.flatMap((r) => r.annotations);
    const count = (outcome: string) => all.filter((a) => a.outcome === outcome).length;
    const fuzzyExpected = all.filter((a) => a.expected === 'fuzzy');
    const recovered = fuzzyExpected.filter((a) => a.recovered).length;
    const misplaced = all.filter((a) => a.misplaced);
    const rate = fuzzyExpected.length ? ((100 * recovered) / fuzzyExpected.length).toFixed(1) : 'n/a';
    console.log(
      [
        `anchoring corpus: ${reports.length} cases, ${all.length} annotations`,
        `  outcomes: ${count('exact')} exact, ${count('fuzzy')} fuzzy, ${count('orphan')} orphan`,
        `  misplaced: ${misplaced.length}${misplaced.map((a) => `\n    ${a.id}: ${a.detail}`).join('')}`,
        `  fuzzy recovery rate: ${recovered}/${fuzzyExpected.length} = ${rate}%`,
      ].join('\n'),
    );
  });
});
