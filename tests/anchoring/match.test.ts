import { describe, expect, it } from 'vitest';
import {
  anchorAll,
  buildTextModel,
  describeSpan,
  type MatchResult,
  matchTarget,
  pageText,
} from '../../lib/anchoring';
import type { AnnotationTarget } from '../../lib/types';

/** Selectors for `quote` (its nth occurrence) in a plain-text page. */
function target(text: string, quote: string, nth = 0): AnnotationTarget {
  let at = text.indexOf(quote);
  for (let i = 0; i < nth; i++) at = text.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`no "${quote}"`);
  document.body.innerHTML = '';
  document.body.append(text);
  return describeSpan(buildTextModel(document.body), at, at + quote.length);
}

const found = (text: string, result: MatchResult) =>
  result.kind === 'orphan' ? null : text.slice(result.start, result.end);

const A = 'The committee approved the new budget after a long debate on Tuesday evening. ';
const B = 'Critics argued that the plan leaves the transit authority with too little money for maintenance. ';
const C = 'Construction of the northern extension is expected to begin in March and take three years. ';

describe('matchTarget', () => {
  it('takes the stored position when it still reads the quote', () => {
    const page = A + B + C;
    const result = matchTarget(pageText(page), target(page, 'the transit authority'));
    expect(result).toMatchObject({ kind: 'exact', via: 'position' });
  });

  it('reads a stored space as the line break between blocks at the stored position', () => {
    document.body.innerHTML = '<p>One end.</p>\n<p>Two start here.</p>';
    const model = buildTextModel(document.body);
    const start = model.text.indexOf('end.');
    const t = describeSpan(model, start, model.text.indexOf('start') + 5);
    expect(t.quote.exact).toBe('end. Two start');
    expect(matchTarget(pageText(model.text), t)).toMatchObject({ kind: 'exact', via: 'position', start });
  });

  it('finds the quote when text was inserted before it', () => {
    const t = target(A + B + C, 'the transit authority');
    const page = `${C}${A}${B}`;
    const result = matchTarget(pageText(page), t);
    expect(result).toMatchObject({ kind: 'exact', via: 'quote' });
    expect(found(page, result)).toBe('the transit authority');
  });

  it('lets the context pick between two exact copies', () => {
    const text = `${A}The results were significant. Doctors were cautious. ${B}The results were significant. Doctors were hopeful. ${C}`;
    const t = target(text, 'The results were significant.', 1);
    const page = `Breaking news first. ${text}`;
    const result = matchTarget(pageText(page), t);
    expect(result.kind).toBe('exact');
    if (result.kind === 'exact') expect(page.slice(result.end, result.end + 20)).toBe(' Doctors were hopefu');
  });

  it('finds an edited passage, with a score, in its old context', () => {
    const t = target(A + B + C, 'the transit authority with too little money for maintenance');
    const page = A + B.replace('money', 'funding') + C;
    const result = matchTarget(pageText(page), t);
    expect(result.kind).toBe('fuzzy');
    if (result.kind === 'fuzzy') expect(result.score).toBeGreaterThan(0.9);
    expect(found(page, result)).toBe('the transit authority with too little funding for maintenance');
  });

  it('prefers the edited passage in its context over an exact copy elsewhere (a pull quote)', () => {
    const quote = 'the transit authority with too little money for maintenance';
    const pull = `<< ${quote} >> `;
    const t = target(pull + A + B + C, quote, 1);
    const page = pull + A + B.replace('too little money', 'far too little money') + C;
    const result = matchTarget(pageText(page), t);
    expect(result.kind).toBe('fuzzy');
    expect(found(page, result)).toBe('the transit authority with far too little money for maintenance');
  });

  it('makes an orphan of a deleted passage, even when a weaker likeness remains', () => {
    const t = target(A + B + C, 'Critics argued that the plan leaves the transit authority');
    const page = `${A}Critics say the new plan leaves transit short. ${C}`;
    expect(matchTarget(pageText(page), t).kind).toBe('orphan');
  });

  it('makes an orphan when two places are too close to call', () => {
    const note =
      'A note from the editors of this page: the results were significant. See the appendix for all tables. ';
    const t = target(A + note + B + note + C, 'the results were significant.', 1);
    const page = note + A + note + B + note + C;
    expect(matchTarget(pageText(page), t)).toMatchObject({ kind: 'orphan', reason: 'ambiguous' });
  });

  it('makes an orphan of an empty quote', () => {
    const t: AnnotationTarget = { quote: { type: 'TextQuoteSelector', exact: '  ' } };
    expect(matchTarget(pageText(A), t)).toMatchObject({ kind: 'orphan' });
  });

  it('ignores typography and whitespace differences', () => {
    const t = target(`${A}He said "it's done" - twice. ${B}`, `"it's done" - twice`);
    const page = `${A}He said  “it’s done” —\n twice. ${B}`;
    expect(found(page, matchTarget(pageText(page), t))).toBe('“it’s done” —\n twice');
  });
});

describe('anchorAll', () => {
  it('carries the shift of one passage to the next after an insertion', () => {
    const sentences = Array.from(
      { length: 40 },
      (_, i) => `Sentence number ${i} talks about topic ${i * 7} at length. `,
    );
    const text = sentences.join('');
    const items = sentences.map((s, i) => ({ id: `a${i}`, target: target(text, s.trim()) }));
    document.body.innerHTML = '';
    document.body.append(`An inserted introduction of some length. ${text}`);
    const results = anchorAll(buildTextModel(document.body), items);
    const kinds = [...results.values()].map((r) => (r.kind === 'exact' ? r.via : r.kind));
    expect(kinds.filter((k) => k === 'drift').length).toBeGreaterThan(30);
    expect(kinds.every((k) => k === 'drift' || k === 'quote')).toBe(true);
  });

  it('returns a result for every item, in any order', () => {
    const items = [
      { id: 'x', target: target(A + B, 'new budget') },
      { id: 'y', target: { quote: { type: 'TextQuoteSelector' as const, exact: 'transit authority' } } },
    ];
    document.body.innerHTML = '';
    document.body.append(A + B);
    const results = anchorAll(buildTextModel(document.body), items);
    expect([...results.keys()]).toEqual(['x', 'y']);
    expect(results.get('y')?.kind).toBe('exact');
  });
});
