/**
 * Finding a stored passage in the page text: pure string work, no DOM, so it can be tested
 * and benchmarked on plain strings. The order of attempts is cheapest-and-surest first:
 * the stored position, then exact copies of the quote judged by their context, then an
 * approximate search. Whenever the evidence is weak or two places are equally likely the
 * answer is "orphan": a highlight drawn in the wrong place is worse than one not drawn.
 */
import search from 'approx-string-match';
import type { AnnotationTarget } from '../types';
import { contextScore } from './context';
import { type FoldedText, fold, foldString } from './normalize';

export type MatchResult =
  | { kind: 'exact'; start: number; end: number }
  | { kind: 'fuzzy'; start: number; end: number; score: number }
  | { kind: 'orphan'; reason: string };

/** A quote at least this long, found once, is trusted even when its context changed (a moved paragraph). */
const SELF_EVIDENT_QUOTE_LENGTH = 30;
const MIN_CONTEXT_SCORE = 0.5;
const MIN_FUZZY_QUOTE_SCORE = 0.75;
const MIN_FUZZY_SCORE = 0.75;
const AMBIGUITY_MARGIN = 0.03;
const MAX_OCCURRENCES = 1000;
/** Fuzzy search first looks this far around the stored position before scanning the page. */
const LOCAL_WINDOW = 4096;

export interface PageText {
  raw: string;
  /** Folded lazily: most anchors never need it. */
  folded(): FoldedText;
}

export function pageText(raw: string): PageText {
  let cached: FoldedText | undefined;
  return {
    raw,
    folded: () => {
      cached ??= fold(raw);
      return cached;
    },
  };
}

interface Candidate {
  start: number;
  end: number;
  score: number;
}

function positionScore(start: number, expected: number | undefined, length: number): number {
  if (expected === undefined || length === 0) return 0.5;
  return 1 - Math.min(1, Math.abs(start - expected) / length);
}

/** Picks the best candidate, or null when the top two are too close to tell apart. */
function decide<C extends Candidate>(candidates: C[]): C | null {
  candidates.sort((a, b) => b.score - a.score);
  const [best, second] = candidates;
  if (!best) return null;
  if (second && best.score - second.score < AMBIGUITY_MARGIN && second.start !== best.start) return null;
  return best;
}

function exactMatch(page: PageText, target: AnnotationTarget): MatchResult | null {
  const { exact } = target.quote;
  const position = target.position;
  if (position && page.raw.slice(position.start, position.end) === exact) {
    return { kind: 'exact', start: position.start, end: position.end };
  }
  const starts: number[] = [];
  for (let at = page.raw.indexOf(exact); at >= 0 && starts.length < MAX_OCCURRENCES; ) {
    starts.push(at);
    at = page.raw.indexOf(exact, at + 1);
  }
  if (starts.length === 0) return null;
  const prefix = foldString(target.quote.prefix ?? '');
  const suffix = foldString(target.quote.suffix ?? '');
  const folded = page.folded();
  const candidates = starts.map((start) => {
    const foldedStart = rawToFolded(folded, start);
    const foldedEnd = rawToFolded(folded, start + exact.length);
    const context = contextScore(folded.text, foldedStart, foldedEnd, prefix, suffix);
    const near = positionScore(start, position?.start, page.raw.length);
    return { start, end: start + exact.length, score: context * 0.9 + near * 0.1, context };
  });
  const best = decide(candidates);
  if (!best) return null;
  const trusted =
    best.context >= MIN_CONTEXT_SCORE ||
    (starts.length === 1 && exact.trim().length >= SELF_EVIDENT_QUOTE_LENGTH);
  return trusted ? { kind: 'exact', start: best.start, end: best.end } : null;
}

/** Index of the first folded character at or after a raw offset. */
function rawToFolded(folded: FoldedText, raw: number): number {
  let lo = 0;
  let hi = folded.toRaw.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((folded.toRaw[mid] ?? 0) < raw) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function fuzzyCandidates(folded: FoldedText, quote: string, from: number, to: number): Candidate[] {
  const maxErrors = Math.floor(quote.length * (1 - MIN_FUZZY_QUOTE_SCORE));
  return search(folded.text.slice(from, to), quote, maxErrors).map((m) => ({
    start: m.start + from,
    end: m.end + from,
    score: 1 - m.errors / quote.length,
  }));
}

function fuzzyMatch(page: PageText, target: AnnotationTarget): MatchResult {
  const folded = page.folded();
  const quote = foldString(target.quote.exact);
  if (quote.length === 0) return { kind: 'orphan', reason: 'empty quote' };
  const prefix = foldString(target.quote.prefix ?? '');
  const suffix = foldString(target.quote.suffix ?? '');
  const expected = target.position ? rawToFolded(folded, target.position.start) : undefined;

  let found: Candidate[] = [];
  if (expected !== undefined) {
    const from = Math.max(0, expected - LOCAL_WINDOW);
    found = fuzzyCandidates(
      folded,
      quote,
      from,
      Math.min(folded.text.length, expected + quote.length + LOCAL_WINDOW),
    );
  }
  if (!found.some((c) => c.score >= 0.95)) found = fuzzyCandidates(folded, quote, 0, folded.text.length);

  const scored = found
    .filter((c) => c.score >= MIN_FUZZY_QUOTE_SCORE)
    .map((c) => {
      const context = contextScore(folded.text, c.start, c.end, prefix, suffix);
      const near = positionScore(c.start, expected, folded.text.length);
      return {
        start: c.start,
        end: c.end,
        quoteScore: c.score,
        score: c.score * 0.5 + context * 0.4 + near * 0.1,
      };
    });
  const best = decide(scored);
  if (!best) return { kind: 'orphan', reason: scored.length ? 'ambiguous' : 'not found' };
  if (best.score < MIN_FUZZY_SCORE) return { kind: 'orphan', reason: 'weak match' };
  const start = folded.toRaw[best.start] ?? 0;
  const end = (folded.toRaw[best.end - 1] ?? start) + 1;
  return { kind: 'fuzzy', start, end, score: Math.round(best.score * 1000) / 1000 };
}

/** Finds one stored target in the page text. */
export function matchTarget(page: PageText, target: AnnotationTarget): MatchResult {
  if (target.quote.exact.length === 0) return { kind: 'orphan', reason: 'empty quote' };
  return exactMatch(page, target) ?? fuzzyMatch(page, target);
}
