/**
 * Builds the frozen selectors file from the anchoring corpus; run once through
 * freeze-anchoring-selectors.mjs. Each passage is described on its `before` page from
 * the DOM points of a selection over it, then anchored on `before`, on `after`, and on
 * `after` once its `later` change ran, and the outcomes are recorded next to the selectors.
 */
import { anchorAll, buildTextModel, describe, type MatchResult, pointAtOffset } from '../lib/anchoring';
import { locate } from '../tests/anchoring/corpus-harness';
import { type AnchoringCase, handWrittenCases, recallCases } from '../tests/fixtures/anchoring';
import {
  type FrozenCase,
  type FrozenFile,
  type FrozenResult,
  fingerprint,
  setCasePage,
  toFrozen,
} from '../tests/fixtures/anchoring/frozen';
import { largeCase } from '../tests/fixtures/anchoring/large';

const frozen = (result: MatchResult | undefined): FrozenResult => {
  const stored = toFrozen(result);
  if (!stored) throw new Error('no result');
  return stored;
};

/**
 * Which cases a file freezes: `corpus` the cases of frozen-selectors.json (everything but
 * issue 10's), `recall` those of frozen-selectors-recall.json.
 */
export type FrozenSet = 'corpus' | 'recall';

function casesOf(set: FrozenSet): AnchoringCase[] {
  if (set === 'recall') return recallCases;
  return [...handWrittenCases.filter((kase) => !recallCases.includes(kase)), largeCase()];
}

export function freezeSelectors(doc: Document, written: string, set: FrozenSet = 'corpus'): FrozenFile {
  const cases: FrozenCase[] = [];
  for (const kase of casesOf(set)) {
    const beforeModel = setCasePage(doc, kase.before, kase);
    const items = kase.annotations.map((a) => {
      const span = locate(beforeModel, a.select, a.occurrence ?? 0);
      if (!span) throw new Error(`${kase.name}: cannot find ${a.id}`);
      // The DOM points a reader's selection would give, described as a selection is.
      const start = pointAtOffset(beforeModel, span.start);
      const end = pointAtOffset(beforeModel, span.end, true);
      const target = describe(beforeModel, {
        startContainer: start.node,
        startOffset: start.offset,
        endContainer: end.node,
        endOffset: end.offset,
      });
      if (!target) throw new Error(`${kase.name}: ${a.id} describes as nothing`);
      return { id: a.id, target };
    });
    const onBefore = anchorAll(beforeModel, items);
    const afterModel = setCasePage(doc, kase.after, kase);
    const onAfter = anchorAll(afterModel, items);
    // Late content and re-renders: the same targets once the page changed under them.
    kase.later?.(doc);
    const onLater = kase.later ? anchorAll(buildTextModel(doc.body), items) : undefined;
    cases.push({
      name: kase.name,
      before: fingerprint(kase.before),
      after: fingerprint(kase.after),
      annotations: items.map(({ id, target }) => ({
        id,
        target,
        onBefore: frozen(onBefore.get(id)),
        onAfter: frozen(onAfter.get(id)),
        ...(onLater ? { onLater: frozen(onLater.get(id)) } : {}),
      })),
    });
  }
  return {
    about: `Selectors as describe() made them for the anchoring corpus${set === 'recall' ? " (issue 10's recall cases)" : ''}, and where anchoring found them. Written once by scripts/freeze-anchoring-selectors.mjs; never regenerate or edit: add a new file for new cases.`,
    written,
    cases,
  };
}
