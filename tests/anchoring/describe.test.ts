import { beforeEach, describe, expect, it } from 'vitest';
import { buildTextModel, describe as describeRange, describeSpan, spanOfRange } from '../../lib/anchoring';

beforeEach(() => {
  document.body.innerHTML = '';
});

function rangeOver(startNode: Node, startOffset: number, endNode: Node, endOffset: number): Range {
  const range = document.createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  return range;
}

describe('describe', () => {
  it('stores the quote, 32 characters of context each side and the position', () => {
    document.body.innerHTML =
      '<p>The committee approved the new budget after a long debate on Tuesday evening, ending a stalemate.</p>';
    const model = buildTextModel(document.body);
    const start = model.text.indexOf('the new budget');
    const target = describeSpan(model, start, start + 'the new budget'.length);
    expect(target.quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'the new budget',
      prefix: 'The committee approved ',
      suffix: ' after a long debate on Tuesday ',
    });
    expect(target.position).toEqual({ type: 'TextPositionSelector', start, end: start + 14 });
  });

  it('describes a selection across emphasis and a link from DOM boundary points', () => {
    document.body.innerHTML =
      '<p>Critics argued that <em>the plan</em> leaves the <a href="#">transit authority</a> short.</p>';
    const model = buildTextModel(document.body);
    const em = document.querySelector('em') as HTMLElement;
    const link = document.querySelector('a') as HTMLElement;
    const target = describeRange(model, rangeOver(em.firstChild as Text, 4, link.firstChild as Text, 7));
    expect(target?.quote.exact).toBe('plan leaves the transit');
  });

  it('trims the line breaks a triple click drags in, and collapses source whitespace', () => {
    document.body.innerHTML =
      '<div>\n  <p>\n    First line of\n    the paragraph.\n  </p>\n  <p>Next.</p>\n</div>';
    const model = buildTextModel(document.body);
    const p = document.querySelector('p') as HTMLElement;
    const next = document.querySelectorAll('p')[1] as HTMLElement;
    const target = describeRange(model, rangeOver(p, 0, next, 0));
    expect(target?.quote.exact).toBe('First line of the paragraph.');
    expect(target?.quote.prefix).toBe('');
    expect(target?.quote.suffix).toBe(' Next.');
  });

  it('keeps the word break between blocks in a quote across paragraphs of minified markup', () => {
    document.body.innerHTML = '<p>One end.</p><p>Two start.</p>';
    const model = buildTextModel(document.body);
    const [a, b] = [...document.querySelectorAll('p')].map((p) => p.firstChild as Text);
    expect(describeRange(model, rangeOver(a as Text, 4, b as Text, 3))?.quote.exact).toBe('end. Two');
  });

  it('returns null for a selection of whitespace only', () => {
    document.body.innerHTML = '<p>a</p>\n\n<p>b</p>';
    const model = buildTextModel(document.body);
    const gap = document.body.childNodes[1] as Text;
    expect(spanOfRange(model, rangeOver(gap, 0, gap, 2))).toBeNull();
    expect(describeRange(model, rangeOver(gap, 0, gap, 2))).toBeNull();
  });
});
