/**
 * Finding a stored passage in the page text: pure string work, no DOM, so it can be tested
 * and benchmarked on plain strings. The order of attempts is cheapest-and-surest first:
 * the stored position (still reading the quote), the position shifted by how far the
 * previous passage moved, every exact copy of the quote judged by its context, then an
 * approximate search and the text between intact copies of the stored context, compared
 * word by word (bracket.ts). A quote long enough not to stand anywhere by chance (units.ts)
 * is the passage wherever its only copy is, and says "moved" when its old neighbours are
 * on the other side of it now. Whenever the evidence is weak or two places are equally
 * likely the answer is "orphan": a highlight drawn in the wrong place is worse than one
 * not drawn.
 * An exact copy with the wrong context does not win over an edited passage in the right
 * context (Hypothesis's exact-match shortcut does, and highlights a pull quote or summary).
 */
import type { AnnotationTarget } from '../types';
import { bracketCandidates } from './bracket';
import { contextAt, contextScore, movedAway, tolerantContextAt } from './context';
import { distinct, type Found, MIN_QUOTE_SCORE, maxErrors, mergeWindows, seedWindows, verify } from './fuzzy';
import { foldQuote, foldString, isSpaceCode } from './normalize';
import { foldedAfter, foldedBefore, type PageText, rawSpan, rawToFolded } from './page-text';
import { refineEdges } from './refine';
import { selfEvident } from './units';

export { type PageText, pageText } from './page-text';

/** How an annotation was found: `via` tells which attempt succeeded, for diagnostics. */
export type MatchResult =
  | {
      kind: 'exact';
      start: number;
      end: number;
      via: 'position' | 'drift' | 'quote';
      /** The text is unchanged but its old neighbours are on the other side of it now. */
      moved?: true;
    }
  | { kind: 'fuzzy'; start: number; end: number; score: number }
  | { kind: 'orphan'; reason: string };

/** Context this good makes an exact copy the passage without further search. */
const DECISIVE_CONTEXT = 0.9;
/** Context this good, near the expected place, makes a scan of the whole page unnecessary. */
const STRONG_CONTEXT = 0.75;
/** An exact copy of a self-evident quote (units.ts) with weaker context than this needs to be its only copy. */
const MIN_EXACT_CONTEXT = 0.5;
/**
 * An exact copy of a shorter quote needs context this good, read with CONTEXT_SLACK
 * (context.ts). One side of a stored context agrees with the text beside an unrelated
 * place by chance at most 0.56 across independent texts, and below 0.53 at 99% of places
 * inside one page (bench/chance-copies.mjs), so one intact side beside one unrelated side
 * stays under 0.78: a "Learn more" link whose card was deleted, read beside the next
 * card's title. A neighbour with one word reworded keeps its side near 0.75 or better and
 * the average near 0.9. One intact side is not enough even for the
 * only copy: when the second of two paragraphs ending in the same few words is deleted,
 * the first one's ending has the second one's old next neighbour (the corpus has it).
 */
const MIN_SHORT_CONTEXT = 0.8;
/** Combined score below which a fuzzy candidate is not trusted. */
const MIN_SCORE = 0.75;
const AMBIGUITY_MARGIN = 0.04;
/** Shorter quotes are not searched approximately (a few edited characters leave too little to go on), only between intact context. */
const MIN_FUZZY_LENGTH = 12;
const MAX_OCCURRENCES = 1000;
/** The approximate search looks this far around the expected place before scanning the page. */
const LOCAL_WINDOW = 4096;

interface Prepared {
  quote: string;
  prefix: string;
  suffix: string;
  position?: { start: number; end: number };
}

interface Candidate extends Found {
  context: number;
  score: number;
  /** Found between intact context (bracket.ts): its edges are the context's, its score counts words. */
  bracketed?: true;
}

export interface MatchHint {
  /** How far (in folded characters) the previous passage on the page had moved. */
  drift?: number;
}

function prepare(target: AnnotationTarget): Prepared {
  return {
    quote: foldQuote(target.quote.exact),
    prefix: foldString(target.quote.prefix ?? ''),
    suffix: foldString(target.quote.suffix ?? ''),
    position: target.position,
  };
}

function positionScore(start: number, expected: number | undefined, length: number): number {
  if (expected === undefined || length === 0) return 0.5;
  return 1 - Math.min(1, Math.abs(start - expected) / length);
}

/** Whether raw[at, at + expected.length) reads `expected`, a whitespace character matching a space. */
function readsAt(raw: string, at: number, expected: string): boolean {
  if (at < 0 || at + expected.length > raw.length) return false;
  for (let i = 0; i < expected.length; i++) {
    const a = raw.charCodeAt(at + i);
    const b = expected.charCodeAt(i);
    if (a !== b && !(b === 0x20 && isSpaceCode(a))) return false;
  }
  return true;
}

/**
 * The cheapest check, before any folding: the stored position reads quote and context as
 * stored (single line breaks read as the spaces they were stored as). An unchanged page
 * anchors here, a thousand passages in a millisecond or two.
 */
function verbatimAtPosition(raw: string, target: AnnotationTarget): MatchResult | null {
  const position = target.position;
  if (!position) return null;
  const { exact, prefix = '', suffix = '' } = target.quote;
  const { start, end } = position;
  if (end - start !== exact.length || !readsAt(raw, start, exact)) return null;
  if (!readsAt(raw, start - prefix.length, prefix) || !readsAt(raw, end, suffix)) return null;
  return { kind: 'exact', start, end, via: 'position' };
}

/** The stored position still reads the quote (compared folded, so re-typesetting does not matter). */
function atPosition(page: PageText, t: Prepared): MatchResult | null {
  const position = t.position;
  if (!position || position.end > page.raw.length || position.end <= position.start) return null;
  if (foldQuote(page.raw.slice(position.start, position.end)) !== t.quote) return null;
  const before = foldedBefore(page.raw, position.start, t.prefix.length);
  const after = foldedAfter(page.raw, position.end, t.suffix.length);
  const context = contextScore(before, after, t.prefix, t.suffix);
  // A short quote at the old offset may be the same words in another sentence: trust it only
  // when its context agrees; otherwise it competes with the other copies below.
  const long = selfEvident(t.quote);
  if (context < (long ? MIN_EXACT_CONTEXT : DECISIVE_CONTEXT)) return null;
  return { kind: 'exact', start: position.start, end: position.end, via: 'position' };
}

function occurrences(text: string, quote: string, expected: number | undefined): number[] {
  const starts: number[] = [];
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) starts.push(at);
  if (starts.length <= MAX_OCCURRENCES || expected === undefined) return starts.slice(0, MAX_OCCURRENCES);
  return starts.sort((a, b) => Math.abs(a - expected) - Math.abs(b - expected)).slice(0, MAX_OCCURRENCES);
}

function scored(text: string, t: Prepared, found: Found[], expected: number | undefined): Candidate[] {
  return found.map((f) => {
    const context = contextAt(text, f.start, f.end, t.prefix, t.suffix);
    const near = positionScore(f.start, expected, text.length);
    return { ...f, context, score: f.quoteScore * 0.5 + context * 0.4 + near * 0.1 };
  });
}

/** The best candidate and the best one elsewhere on the page. */
function topTwo(candidates: Candidate[]): [Candidate | undefined, Candidate | undefined] {
  const ranked = [...candidates].sort((a, b) => b.score - a.score);
  const best = ranked[0];
  const second = best && ranked.find((c) => c.start >= best.end || c.end <= best.start);
  return [best, second];
}

function result(page: PageText, t: Prepared, c: Candidate, via: 'drift' | 'quote' = 'quote'): MatchResult {
  const folded = page.folded();
  if (c.quoteScore === 1) {
    const moved = via === 'quote' && movedAway(folded.text, c.start, c.end, t.prefix, t.suffix);
    return { kind: 'exact', ...rawSpan(folded, c.start, c.end), via, ...(moved ? { moved } : {}) };
  }
  const edges = c.bracketed
    ? { start: c.start, end: c.end }
    : refineEdges(folded.text, c.start, c.end, t.quote, t.prefix, t.suffix);
  return {
    kind: 'fuzzy',
    ...rawSpan(folded, edges.start, edges.end),
    score: Math.round(c.score * 1000) / 1000,
  };
}

/** Fuzzy candidates near the expected place, and over the whole page unless one near it is convincing. */
function editedCandidates(
  text: string,
  t: Prepared,
  around: number[],
  expected: number | undefined,
): Candidate[] {
  const k = maxErrors(t.quote.length);
  const m = t.quote.length;
  const near = around.map((g) => [g - k - 16, g + m + k + 16] as [number, number]);
  const local = around.flatMap((g) =>
    seedWindows(text, t.quote, Math.max(0, g - LOCAL_WINDOW), Math.min(text.length, g + m + LOCAL_WINDOW)),
  );
  const found = scored(
    text,
    t,
    verify(text, t.quote, mergeWindows([...near, ...local], text.length)),
    expected,
  );
  if (found.some((c) => c.quoteScore >= 0.85 && c.context >= STRONG_CONTEXT)) return found;
  const everywhere = verify(text, t.quote, seedWindows(text, t.quote, 0, text.length));
  return [...found, ...scored(text, t, everywhere, expected)];
}

/** The verdict over every candidate, exact copies and edited stretches alike. */
function decide(page: PageText, t: Prepared, candidates: Candidate[], exactCopies: number): MatchResult {
  const [best, second] = topTwo(distinct(candidates, t.quote.length));
  if (!best) return { kind: 'orphan', reason: 'not found' };
  if (second && best.score - second.score < AMBIGUITY_MARGIN) return { kind: 'orphan', reason: 'ambiguous' };
  if (best.quoteScore === 1) {
    const long = selfEvident(t.quote);
    if (long && exactCopies === 1) return result(page, t, best);
    if (long && best.context >= MIN_EXACT_CONTEXT) return result(page, t, best);
    const context = tolerantContextAt(page.folded().text, best.start, best.end, t.prefix, t.suffix);
    if (!long && context >= MIN_SHORT_CONTEXT) return result(page, t, best);
    return { kind: 'orphan', reason: 'exact copy in another context' };
  }
  // Between intact context and within the words allowed (bracket.ts): already judged.
  if (best.bracketed) return result(page, t, best);
  if (best.score < MIN_SCORE) return { kind: 'orphan', reason: 'weak match' };
  return result(page, t, best);
}

/** Finds one stored target in the page text. */
export function matchTarget(page: PageText, target: AnnotationTarget, hint: MatchHint = {}): MatchResult {
  const verbatim = verbatimAtPosition(page.raw, target);
  if (verbatim) return verbatim;
  const t = prepare(target);
  if (t.quote.length === 0) return { kind: 'orphan', reason: 'empty quote' };
  const direct = atPosition(page, t);
  if (direct) return direct;

  const { text } = page.folded();
  const m = t.quote.length;
  const expected = t.position ? rawToFolded(page.folded(), t.position.start) : undefined;
  const guess = expected === undefined ? undefined : expected + (hint.drift ?? 0);

  // The passage moved with everything after an insertion or deletion above it.
  if (guess !== undefined && guess !== expected && text.startsWith(t.quote, guess)) {
    if (contextAt(text, guess, guess + m, t.prefix, t.suffix) >= DECISIVE_CONTEXT) {
      return result(page, t, { start: guess, end: guess + m, quoteScore: 1, context: 1, score: 1 }, 'drift');
    }
  }

  const starts = occurrences(text, t.quote, expected);
  const exact = scored(
    text,
    t,
    starts.map((start) => ({ start, end: start + m, quoteScore: 1 })),
    expected,
  );
  const [bestExact, secondExact] = topTwo(exact);
  const clearWinner = !secondExact || (bestExact && bestExact.score - secondExact.score >= AMBIGUITY_MARGIN);
  if (bestExact && bestExact.context >= DECISIVE_CONTEXT && clearWinner) return result(page, t, bestExact);

  // No exact copy in its context: the passage may have been edited where it was.
  const around = [...new Set([guess, expected].filter((g): g is number => g !== undefined))];
  const edited = m >= MIN_FUZZY_LENGTH ? editedCandidates(text, t, around, expected) : [];
  const between = scored(text, t, bracketCandidates(text, t.quote, t.prefix, t.suffix), expected).map(
    (c): Candidate => ({ ...c, bracketed: true }),
  );
  return decide(
    page,
    t,
    [...exact, ...edited.filter((c) => c.quoteScore >= MIN_QUOTE_SCORE), ...between],
    starts.length,
  );
}
