// @vitest-environment jsdom
// jsdom, not happy-dom: happy-dom's querySelectorAll recurses and overflows on these pages.
/**
 * Text nested thousands of elements deep can be described, anchored and drawn: every walk
 * over the page keeps its own stack instead of recursing once per level.
 */
import { describe, expect, it } from 'vitest';
import { anchorAll, buildTextModel, describe as describeRange, type TextModel } from '../../lib/anchoring';
import { drawHighlight, planHighlight } from '../../lib/highlight';
import { depthBelow, nest } from '../fixtures/deep-page';

// A variable, not a literal: it fits HighlightStyle with or without the hasNote flag.
const STYLE = { id: 'deep', color: 'yellow', hasNote: false } as const;

interface DeepPage {
  root: HTMLElement;
  innermost: Text;
  paragraph: HTMLElement;
  back: Text;
}

/**
 * A section holding, `depth` levels down, "The innermost sentence…", one level up "Then
 * one level up.", both inside a <p> near the top, and after that <p> "Back near the top.".
 */
function deepPage(depth: number): DeepPage {
  const root = document.createElement('div');
  const before = document.createElement('p');
  before.append('Before the deep part.');
  const innermost = document.createTextNode('The innermost sentence sits far down.');
  const upper = document.createElement('em');
  upper.append(nest(document, 1, innermost), ' Then one level up.');
  const paragraph = document.createElement('p');
  paragraph.append(nest(document, depth - 4, upper));
  const back = document.createTextNode('Back near the top.');
  const top = document.createElement('b');
  top.append(paragraph, back);
  const section = document.createElement('section');
  section.append(top);
  const after = document.createElement('p');
  after.append('After the deep part.');
  root.append(before, section, after);
  return { root, innermost, paragraph, back };
}

const EXPECTED_TEXT =
  'Before the deep part.\nThe innermost sentence sits far down. Then one level up.\nBack near the top.\nAfter the deep part.';

function time<T>(times: Record<string, number>, name: string, work: () => T): T {
  const start = performance.now();
  const result = work();
  times[name] = performance.now() - start;
  return result;
}

function roundTrip(page: DeepPage, draw: boolean): Record<string, number> {
  const times: Record<string, number> = {};
  const model: TextModel = time(times, 'model', () => buildTextModel(page.root));
  expect(model.text).toBe(EXPECTED_TEXT);

  // From the start of the <p> (an element boundary thousands of levels above the text) to
  // "Back near": the describer has to walk all the way down to the first text.
  const target = time(times, 'describe', () =>
    describeRange(model, {
      startContainer: page.paragraph,
      startOffset: 0,
      endContainer: page.back,
      endOffset: 'Back near'.length,
    }),
  );
  expect(target?.quote.exact).toBe('The innermost sentence sits far down. Then one level up. Back near');
  const start = model.text.indexOf('The innermost');
  const end = model.text.indexOf(' the top.');
  expect(target?.position).toEqual({ type: 'TextPositionSelector', start, end });
  if (!target) throw new Error('no target');

  const fresh = buildTextModel(page.root);
  const results = time(times, 'anchor', () =>
    anchorAll(fresh, [
      { id: 'stored', target },
      { id: 'quote only', target: { quote: target.quote } },
    ]),
  );
  for (const result of results.values()) expect(result).toMatchObject({ kind: 'exact', start, end });

  const plan = time(times, 'plan', () => planHighlight(fresh, start, end));
  // Two pieces: one inside the deep <p>, one for "Back near" after it.
  expect(plan?.pieces).toHaveLength(2);
  if (draw && plan) {
    const drawn = time(times, 'draw', () => drawHighlight(plan, STYLE));
    // mark.js wraps each text node on its own: three wraps, one per text node.
    expect(drawn.map((element) => element.textContent)).toEqual([
      'The innermost sentence sits far down.',
      ' Then one level up.',
      'Back near',
    ]);
    expect(buildTextModel(page.root).text).toBe(EXPECTED_TEXT);
  }
  return times;
}

const format = (times: Record<string, number>) =>
  Object.entries(times)
    .map(([name, ms]) => `${name} ${ms.toFixed(1)} ms`)
    .join(', ');

describe('text nested thousands of elements deep', () => {
  it('is described, anchored, planned and drawn at 5,000 levels', () => {
    const page = deepPage(5_000);
    expect(depthBelow(page.innermost, page.root)).toBeGreaterThanOrEqual(5_000);
    console.log(`deep nesting, 5,000 levels: ${format(roundTrip(page, true))}`);
  });

  // Deep enough that any walk recursing once per level overflows Node's stack. Not drawn:
  // inserting a wrap this deep overflows inside jsdom itself (see tests/fixtures/deep-page.ts).
  it('is described, anchored and planned at 20,000 levels', () => {
    const page = deepPage(20_000);
    expect(depthBelow(page.innermost, page.root)).toBeGreaterThanOrEqual(20_000);
    console.log(`deep nesting, 20,000 levels: ${format(roundTrip(page, false))}`);
  });
});
