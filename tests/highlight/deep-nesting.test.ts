// @vitest-environment jsdom
// jsdom, not happy-dom: happy-dom's querySelectorAll recurses and overflows on these pages.
/**
 * Planning a highlight climbs from each text node to its block; on a page whose inline
 * elements nest thousands deep that climb must not recurse once per level.
 */
import { describe, expect, it } from 'vitest';
import { buildTextModel } from '../../lib/anchoring';
import { drawHighlight, planHighlight } from '../../lib/highlight';
import { depthBelow, nest } from '../fixtures/deep-page';

// A variable, not a literal: it fits HighlightStyle with or without the hasNote flag.
const STYLE = { id: 'deep', color: 'yellow', hasNote: false } as const;

/** <p>{depth levels of inline elements around "Deep words here."} Shallow words.</p><p>Next paragraph.</p> */
function deepPage(depth: number) {
  const root = document.createElement('div');
  const deep = document.createTextNode('Deep words here.');
  const chain = nest(document, depth, deep);
  // The chain's top holds text of its own, so the passage's two ends meet only up there.
  chain.append(' Shallow words.');
  const paragraph = document.createElement('p');
  paragraph.append(chain);
  const next = document.createElement('p');
  next.append('Next paragraph.');
  root.append(paragraph, next);
  return { root, deep, chain, next };
}

function plan(page: ReturnType<typeof deepPage>) {
  const model = buildTextModel(page.root);
  expect(model.text).toBe('Deep words here. Shallow words.\nNext paragraph.');
  const start = model.text.indexOf('words here');
  const end = model.text.indexOf('Next paragraph') + 'Next paragraph'.length;
  const started = performance.now();
  const planned = planHighlight(model, start, end);
  const ms = performance.now() - started;
  // One piece in each paragraph; the first in the chain's top, where both of its text nodes are.
  expect(planned?.pieces.map((piece) => piece.context)).toEqual([page.chain, page.next]);
  expect(planned?.pieces.map((piece) => piece.ranges)).toEqual([
    [{ start: 5, length: 'words here. Shallow words.'.length }],
    [{ start: 0, length: 'Next paragraph'.length }],
  ]);
  return { planned, ms };
}

describe('planning a highlight in deeply nested inline text', () => {
  it('plans and draws across 5,000 levels of inline elements', () => {
    const page = deepPage(5_000);
    expect(depthBelow(page.deep, page.root)).toBeGreaterThanOrEqual(5_000);
    const { planned, ms } = plan(page);
    if (!planned) throw new Error('no plan');
    const started = performance.now();
    const drawn = drawHighlight(planned, STYLE);
    const drawMs = performance.now() - started;
    expect(drawn.map((element) => element.textContent)).toEqual([
      'words here.',
      ' Shallow words.',
      'Next paragraph',
    ]);
    console.log(`deep highlight, 5,000 levels: plan ${ms.toFixed(1)} ms, draw ${drawMs.toFixed(1)} ms`);
  });

  // Deep enough that a climb recursing once per level overflows Node's stack. Not drawn:
  // inserting a wrap this deep overflows inside jsdom itself (see tests/fixtures/deep-page.ts).
  it('plans across 20,000 levels of inline elements', () => {
    const page = deepPage(20_000);
    expect(depthBelow(page.deep, page.root)).toBeGreaterThanOrEqual(20_000);
    console.log(`deep highlight, 20,000 levels: plan ${plan(page).ms.toFixed(1)} ms`);
  });
});
