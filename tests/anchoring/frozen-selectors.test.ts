/**
 * Selectors already stored by readers must keep anchoring where they did. The selectors
 * in tests/fixtures/anchoring/frozen-selectors.json (the corpus) and
 * frozen-selectors-recall.json (issue 10's cases) were made by `describe` once and are
 * never regenerated (see frozen.ts); each is anchored here against the same corpus page
 * it was found on then, and must be found with the same outcome at the same span. The
 * files are only read.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { anchorAll, buildTextModel, type TextModel } from '../../lib/anchoring';
import { type AnchoringCase, handWrittenCases, recallCases } from '../fixtures/anchoring';
import {
  type FrozenCase,
  type FrozenFile,
  type FrozenResult,
  fingerprint,
  type PageFingerprint,
  setCasePage,
  toFrozen,
} from '../fixtures/anchoring/frozen';
import { largeCase } from '../fixtures/anchoring/large';

const read = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/anchoring', name), 'utf8')) as FrozenFile;
const file = read('frozen-selectors.json');
const recall = read('frozen-selectors-recall.json');
const live = new Map<string, AnchoringCase>(
  [...handWrittenCases, largeCase()].map((kase) => [kase.name, kase]),
);
let checked = 0;

/** The page must be the one the selectors were frozen against, or the comparison means nothing. */
function expectSamePage(html: string, expected: PageFingerprint, which: string) {
  expect(
    fingerprint(html),
    `the ${which} page of this case was edited since the selectors were frozen`,
  ).toEqual(expected);
}

function expectFound(
  model: TextModel,
  frozen: FrozenCase,
  pick: (a: FrozenCase['annotations'][number]) => FrozenResult | undefined,
) {
  const results = anchorAll(
    model,
    frozen.annotations.map(({ id, target }) => ({ id, target })),
  );
  const found = frozen.annotations.map((a) => ({ id: a.id, result: toFrozen(results.get(a.id)) }));
  expect(found).toEqual(frozen.annotations.map((a) => ({ id: a.id, result: pick(a) })));
  checked += found.length;
}

describe('frozen selectors', () => {
  it('cover the corpus', () => {
    expect(file.cases.length).toBeGreaterThanOrEqual(40);
    expect(file.cases.reduce((n, c) => n + c.annotations.length, 0)).toBeGreaterThanOrEqual(300);
  });

  it("cover issue 10's cases", () => {
    expect(recall.cases.map((c) => c.name)).toEqual(recallCases.map((c) => c.name));
  });

  for (const frozen of [...file.cases, ...recall.cases]) {
    it(frozen.name, { timeout: 60_000 }, () => {
      const kase = live.get(frozen.name);
      if (!kase) throw new Error(`"${frozen.name}" left the corpus: its frozen selectors have no page`);

      expectSamePage(kase.before, frozen.before, 'before');
      expectSamePage(kase.after, frozen.after, 'after');
      expectFound(setCasePage(document, kase.before, kase), frozen, (a) => a.onBefore);
      expectFound(setCasePage(document, kase.after, kase), frozen, (a) => a.onAfter);
      if (kase.later) {
        kase.later(document);
        expectFound(buildTextModel(document.body), frozen, (a) => a.onLater);
      }
    });
  }

  afterAll(() => {
    const cases = file.cases.length + recall.cases.length;
    console.log(
      `frozen selectors (written ${file.written} and ${recall.written}): ${cases} cases, ${checked} anchorings checked`,
    );
  });
});
