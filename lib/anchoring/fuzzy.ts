/**
 * Approximate search for a quote that was edited, filtered before it is verified. Running
 * approx-string-match over a whole megabyte page costs tens of milliseconds per quote, and
 * it reports only the best-scoring places, so a near copy elsewhere would hide the edited
 * passage in its old place. Instead, exact pieces of the quote ("seeds") point at the few
 * stretches that can hold it, and each stretch is verified on its own: every plausible
 * place is seen and scored, and a deleted passage costs a handful of `indexOf` scans.
 */
import search from 'approx-string-match';

export interface Found {
  start: number;
  end: number;
  /** 1 - errors / quote length. */
  quoteScore: number;
}

/** A fuzzy match must keep at least this share of the quote. */
export const MIN_QUOTE_SCORE = 0.75;
/** Seeds seen more often than this are too common to point anywhere. */
const MAX_SEED_HITS = 64;
/** Seeds per search: many near the expected place, where a scan is cheap; fewer over a whole page. */
const LOCAL_SEEDS = 10;
const PAGE_SEEDS = 5;
const SLACK = 16;

export function maxErrors(quoteLength: number): number {
  return Math.floor(quoteLength * (1 - MIN_QUOTE_SCORE));
}

/** Pieces of the quote to look up exactly, spread over its length. */
function seeds(quote: string, most: number): { text: string; offset: number }[] {
  const length = quote.length >= 48 ? 10 : quote.length >= 24 ? 6 : 4;
  const count = Math.min(most, Math.floor(quote.length / length));
  const out: { text: string; offset: number }[] = [];
  if (count === 0) return out;
  const step = (quote.length - length) / Math.max(1, count - 1);
  for (let i = 0; i < count; i++) {
    const offset = Math.round(i * step);
    out.push({ text: quote.slice(offset, offset + length), offset });
  }
  return out;
}

/** Stretches of folded[from, to) that share a seed with the quote, as [start, end) pairs. */
export function seedWindows(text: string, quote: string, from: number, to: number): [number, number][] {
  const k = maxErrors(quote.length);
  const whole = from === 0 && to >= text.length;
  const scope = whole ? text : text.slice(from, to);
  const starts: number[] = [];
  for (const seed of seeds(quote, whole ? PAGE_SEEDS : LOCAL_SEEDS)) {
    const hits: number[] = [];
    for (let at = scope.indexOf(seed.text); at >= 0; at = scope.indexOf(seed.text, at + 1)) {
      hits.push(at + from - seed.offset);
      if (hits.length > MAX_SEED_HITS) break;
    }
    if (hits.length <= MAX_SEED_HITS) starts.push(...hits);
  }
  return mergeWindows(
    starts.map((start) => [start - k - SLACK, start + quote.length + k + SLACK] as [number, number]),
    text.length,
  );
}

/** Sorts, clamps and merges overlapping windows. */
export function mergeWindows(windows: [number, number][], length: number): [number, number][] {
  const sorted = windows
    .map(([a, b]) => [Math.max(0, a), Math.min(length, b)] as [number, number])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const window of sorted) {
    const last = merged[merged.length - 1];
    if (last && window[0] <= last[1]) last[1] = Math.max(last[1], window[1]);
    else merged.push(window);
  }
  return merged;
}

/** Verifies each window with approx-string-match; returns the best place found in each. */
export function verify(text: string, quote: string, windows: readonly [number, number][]): Found[] {
  const k = maxErrors(quote.length);
  const found: Found[] = [];
  for (const [from, to] of windows) {
    const matches = search(text.slice(from, to), quote, k);
    for (const match of matches) {
      found.push({
        start: match.start + from,
        end: match.end + from,
        quoteScore: 1 - match.errors / quote.length,
      });
    }
  }
  return distinct(found, quote.length);
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * One entry per place: of overlapping matches keep the best, and of equally good ones the
 * one whose length is closest to the quote's (approx-string-match reports every end).
 */
export function distinct<T extends Found>(found: T[], quoteLength: number): T[] {
  const ranked = [...found].sort(
    (a, b) =>
      b.quoteScore - a.quoteScore ||
      Math.abs(a.end - a.start - quoteLength) - Math.abs(b.end - b.start - quoteLength),
  );
  const kept: T[] = [];
  for (const candidate of ranked) if (!kept.some((k) => overlaps(k, candidate))) kept.push(candidate);
  return kept;
}
