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

describe('matchTarget on short and moved passages', () => {
  const zhA = '第一段讲述了市政府的预算问题和各方的争论。';
  const zhB = '第三段介绍了居民对新公交线路的看法和建议。';
  const zhMoved = '本市地铁运营里程在过去十年里增长了一倍多，跻身全国前五位。';

  it('finds a unique 29-character Chinese sentence that moved, and says it moved', () => {
    const t = target(`${zhA} ${zhMoved} ${zhB} 最后一段。`, zhMoved);
    const page = `${zhB} ${zhMoved} 最后一段。 ${zhA}`;
    const result = matchTarget(pageText(page), t);
    expect(result).toMatchObject({ kind: 'exact', moved: true });
    expect(found(page, result)).toBe(zhMoved);
  });

  it('does not say "moved" when text was only inserted beside the passage', () => {
    const t = target(`${zhA} ${zhMoved} ${zhB}`, zhMoved);
    const result = matchTarget(
      pageText(`${zhA} 插入的新段落，内容与原文无关，长度也足够长。 ${zhMoved} ${zhB}`),
      t,
    );
    expect(result).toMatchObject({ kind: 'exact' });
    expect(result.kind === 'exact' && result.moved).toBeFalsy();
  });

  it('leaves a short unique quote whose context changed as an orphan', () => {
    const t = target(A + B + C, 'transit authority');
    expect(
      matchTarget(pageText(`${A}A transit authority spokesperson declined to comment. ${C}`), t).kind,
    ).toBe('orphan');
  });

  it('finds a five-word link with one word replaced by a much longer one, between intact context', () => {
    const nav = (link: string) => `Home | Catalogue | Events | ${link} | Opening hours | Contact us`;
    const t = target(nav('Read the latest news & blogs'), 'Read the latest news & blogs');
    const page = nav('Read the latest announcements & blogs');
    const result = matchTarget(pageText(page), t);
    expect(result.kind).toBe('fuzzy');
    expect(found(page, result)).toBe('Read the latest announcements & blogs');
  });

  it('does not draw a short passage replaced in place by other words', () => {
    const nav = (link: string) => `Home | Catalogue | Events | ${link} | Opening hours | Contact us`;
    const t = target(nav('Read the latest news & blogs'), 'Read the latest news & blogs');
    expect(matchTarget(pageText(nav('Browse our digital collections')), t).kind).toBe('orphan');
  });

  it('does not take a near copy of a deleted short passage elsewhere', () => {
    const t = target(
      `${A}Tax help drop-in sessions every Tuesday. ${B}${C}`,
      'Tax help drop-in sessions every Tuesday',
    );
    const page = `${A}${B}${C}This week: Tax help drop-in sessions every Thursday.`;
    expect(matchTarget(pageText(page), t).kind).toBe('orphan');
  });

  it('finds a short passage whose neighbour gained a word (the far end of its context pushed out)', () => {
    const before = `${A}Story hour returns soon and it will be held in the big hall on weekends. ${C}`;
    const t = target(before, 'Story hour returns soon');
    const page = `${A}Story hour returns soon and it probably will be held in the big hall on weekends. ${C}`;
    expect(found(page, matchTarget(pageText(page), t))).toBe('Story hour returns soon');
  });

  it('does not take a repeated short link beside the deleted one’s neighbour', () => {
    const card = (title: string) => `${title}. Learn more `;
    const t = target(
      card('Story hour') + card('Tax help sessions') + card('Meet the authors'),
      'Learn more',
      1,
    );
    expect(matchTarget(pageText(card('Story hour') + card('Meet the authors')), t).kind).toBe('orphan');
  });
});
