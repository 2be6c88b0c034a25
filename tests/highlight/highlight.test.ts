import Mark from 'mark.js';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildTextModel, type TextModel } from '../../lib/anchoring';
import {
  drawHighlight,
  drawnIds,
  HIGHLIGHT_TAG,
  planHighlight,
  removeAllHighlights,
  removeHighlight,
  restyleHighlight,
} from '../../lib/highlight';
import { withStaticIterators } from '../../lib/highlight/static-iterator';

beforeEach(() => {
  document.body.innerHTML = '';
});

function spanOf(model: TextModel, from: string, to = from): [number, number] {
  const start = model.text.indexOf(from);
  const end = model.text.indexOf(to, start) + to.length;
  if (start < 0 || end < start) throw new Error(`no span ${from}..${to}`);
  return [start, end];
}

const textOf = (id: string) =>
  [...document.querySelectorAll(`${HIGHLIGHT_TAG}[data-annotation-id="${id}"]`)]
    .map((e) => e.textContent)
    .join('|');

/** Plans all first (drawing splits the model's text nodes), then draws. */
function drawAll(model: TextModel, spans: [string, [number, number]][]): void {
  const plans = spans.map(([id, [start, end]]) => [id, planHighlight(model, start, end)] as const);
  for (const [id, plan] of plans) if (plan) drawHighlight(plan, { id, color: 'yellow' });
}

describe('highlights', () => {
  it('draws overlapping highlights each with its own elements and data-annotation-id', () => {
    document.body.innerHTML = '<p>The committee approved the new budget after a long debate.</p>';
    const model = buildTextModel(document.body);
    drawAll(model, [
      ['a', spanOf(model, 'approved the new budget')],
      ['b', spanOf(model, 'new budget after a long')],
      ['c', spanOf(model, 'budget')],
    ]);
    const pieces = (id: string) => document.querySelectorAll(`${HIGHLIGHT_TAG}[data-annotation-id="${id}"]`);
    // Later highlights nest inside earlier ones where they overlap; each keeps its own elements.
    expect(textOf('a')).toBe('approved the new budget');
    expect(textOf('b').replace(/\|/g, '')).toBe('new budget after a long');
    expect(pieces('b').length).toBeGreaterThan(1);
    expect(textOf('c')).toBe('budget');
    expect(document.body.textContent).toBe('The committee approved the new budget after a long debate.');
  });

  it('draws a passage across list items without painting the whitespace between them', () => {
    document.body.innerHTML =
      '<ul>\n  <li>Bus lanes on Main Street</li>\n  <li>New shelters at forty stops</li>\n</ul>';
    const model = buildTextModel(document.body);
    drawAll(model, [['a', spanOf(model, 'Main Street', 'New shelters')]]);
    const pieces = [...document.querySelectorAll(HIGHLIGHT_TAG)];
    expect(pieces.map((p) => p.textContent)).toEqual(['Main Street', 'New shelters']);
    expect(pieces.every((p) => p.parentElement?.tagName === 'LI')).toBe(true);
  });

  it('draws across table cells, one piece per cell', () => {
    document.body.innerHTML =
      '<table><tr><td>Harbour ferry</td><td>35 million</td><td>Under review</td></tr></table>';
    const model = buildTextModel(document.body);
    drawAll(model, [['a', spanOf(model, 'ferry', 'Under')]]);
    expect(textOf('a')).toBe('ferry|35 million|Under');
  });

  it('counts around noscript and script text the way mark.js does', () => {
    document.body.innerHTML =
      '<p>Before <noscript><b>enable scripts</b></noscript>the <script>var s = "code";</script>passage here.</p>';
    const model = buildTextModel(document.body);
    expect(model.text).toBe('Before the passage here.');
    drawAll(model, [['a', spanOf(model, 'Before the passage')]]);
    expect(textOf('a').replace(/\|/g, '')).toBe('Before the passage');
    expect(document.querySelector('noscript b')?.textContent).toBe('enable scripts');
  });

  it('gives mark.js the same nodes through the snapshot iterator as through a live one', () => {
    const html =
      '<div><p>One <em>two</em> three</p><script>var x = 1;</script><noscript><b>no</b></noscript><p>four <a href="#">five</a> six</p></div>';
    const ranges = [
      { start: 2, length: 9 },
      { start: 14, length: 12 },
    ];
    const wrap = () => {
      const texts: string[] = [];
      new Mark(document.body.firstChild as HTMLElement).markRanges(
        ranges.map((r) => ({ ...r })),
        { each: (e: Element) => texts.push(e.textContent ?? '') },
      );
      return texts;
    };
    document.body.innerHTML = html;
    const live = wrap();
    document.body.innerHTML = html;
    const snapshot = withStaticIterators(document, wrap);
    expect(snapshot).toEqual(live);
    expect(snapshot.join('|')).toBe('e |two| thr|o|four |five| s');
    expect(Object.hasOwn(document, 'createNodeIterator')).toBe(false);
  });

  it('creates no Range while planning and drawing', () => {
    document.body.innerHTML = '<p>one <em>two</em> three</p><p>four five</p>';
    const model = buildTextModel(document.body);
    const spy = vi.spyOn(document, 'createRange');
    drawAll(model, [['a', spanOf(model, 'two', 'four')]]);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it('restyles, lists and removes highlights, restoring the text nodes', () => {
    document.body.innerHTML = '<p>alpha beta gamma</p>';
    const model = buildTextModel(document.body);
    drawAll(model, [
      ['a', spanOf(model, 'alpha beta')],
      ['b', spanOf(model, 'beta gamma')],
    ]);
    restyleHighlight(document.body, { id: 'a', color: 'green' });
    expect(document.querySelector(`${HIGHLIGHT_TAG}[data-annotation-id="a"]`)?.className).toBe(
      'gloss-hl gloss-hl-green',
    );
    expect(drawnIds(document.body)).toEqual(new Set(['a', 'b']));
    removeHighlight(document.body, 'a');
    expect(textOf('b')).toBe('beta| gamma');
    removeAllHighlights(document.body);
    expect(drawnIds(document.body).size).toBe(0);
    expect(document.querySelector('p')?.childNodes.length).toBe(1);
  });

  it('draws and removes highlights inside an open shadow root', () => {
    document.body.innerHTML = '<p>light text</p><div id="host"></div>';
    const root = (document.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' });
    root.innerHTML = '<p>shadow text</p>';
    const model = buildTextModel(document.body);
    drawAll(model, [['a', spanOf(model, 'text', 'shadow')]]);
    expect(root.querySelector(HIGHLIGHT_TAG)?.textContent).toBe('shadow');
    expect(drawnIds(document.body)).toEqual(new Set(['a']));
    removeHighlight(document.body, 'a');
    expect(root.querySelector(HIGHLIGHT_TAG)).toBeNull();
    expect(document.querySelector(HIGHLIGHT_TAG)).toBeNull();
  });

  it('returns no plan for an empty span', () => {
    document.body.innerHTML = '<p>a</p>\n<p>b</p>';
    const model = buildTextModel(document.body);
    expect(planHighlight(model, 1, 1)).toBeNull();
    expect(planHighlight(model, 1, 2)).toBeNull();
  });
});
