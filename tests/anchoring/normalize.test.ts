import { describe, expect, it } from 'vitest';
import { collapseWhitespace, fold, foldQuote } from '../../lib/anchoring/normalize';

describe('fold', () => {
  it('collapses every whitespace run, &nbsp; included, to one space and keeps edge spaces', () => {
    expect(fold('  a\n\t b\u00a0\u00a0c  ').text).toBe(' a b c ');
  });

  it('folds typographic quotes, dashes and the ellipsis, and drops soft hyphens and zero-width spaces', () => {
    expect(fold('“It’s” ‘x’ 7–2 — a−b…').text).toBe(`"It's" 'x' 7-2 - a-b...`);
    expect(fold('ex\u00adten\u200bsion').text).toBe('extension');
  });

  it('keeps case: a changed capital is a changed passage', () => {
    expect(fold('The Mayor').text).toBe('The Mayor');
  });

  it('maps every folded character back to its raw offset', () => {
    const raw = 'a  “b”…\u00adc';
    const { text, toRaw } = fold(raw);
    expect(text).toBe('a "b"...c');
    expect([...toRaw]).toEqual([0, 1, 3, 4, 5, 6, 6, 6, 8, 9]);
  });

  it('folds a megabyte quickly enough to run once per anchoring pass', () => {
    const raw = 'word “quoted” text\n   more\u00a0words — here. '.repeat(25_000);
    const started = performance.now();
    const { text } = fold(raw);
    expect(text.length).toBeGreaterThan(900_000);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('foldQuote and collapseWhitespace', () => {
  it('trims quotes after folding', () => {
    expect(foldQuote('\n  the  quote\n')).toBe('the quote');
  });

  it('collapses whitespace without touching typography', () => {
    expect(collapseWhitespace('a\n   “b”\u00a0 c')).toBe('a “b” c');
  });
});
