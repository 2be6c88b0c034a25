/**
 * How well a candidate's surroundings agree with the stored prefix and suffix. Context is
 * what tells a moved passage from an unrelated copy of the same words, and an edited
 * passage in its old place from an exact copy of the old words somewhere else.
 */
import search from 'approx-string-match';

/** Similarity in [0, 1] of `expected` to the best-matching stretch of `actual`. */
export function similarity(actual: string, expected: string): number {
  if (expected.length === 0) return 1;
  if (actual.length === 0) return 0;
  if (actual.includes(expected)) return 1;
  let best = expected.length;
  for (const match of search(actual, expected, expected.length)) best = Math.min(best, match.errors);
  return 1 - best / expected.length;
}

/** Context score in [0, 1] from the text just before and after a candidate; a side the selector lacks agrees. */
export function contextScore(before: string, after: string, prefix: string, suffix: string): number {
  const sides = (prefix ? 1 : 0) + (suffix ? 1 : 0);
  if (sides === 0) return 1;
  return ((prefix ? similarity(before, prefix) : 0) + (suffix ? similarity(after, suffix) : 0)) / sides;
}

/**
 * How far past the stored context's length the text beside a short exact copy is read
 * when judging it: a neighbouring word that grew pushes the far end of the stored context
 * out of a window of the same length, and that truncation is no evidence against it.
 */
export const CONTEXT_SLACK = 8;

/** Context score of folded[start, end) with CONTEXT_SLACK more characters read on each side. */
export function tolerantContextAt(
  folded: string,
  start: number,
  end: number,
  prefix: string,
  suffix: string,
): number {
  const before = prefix ? folded.slice(Math.max(0, start - prefix.length - CONTEXT_SLACK), start) : '';
  const after = suffix ? folded.slice(end, end + suffix.length + CONTEXT_SLACK) : '';
  return contextScore(before, after, prefix, suffix);
}

/** Context score of folded[start, end) in a folded page. */
export function contextAt(
  folded: string,
  start: number,
  end: number,
  prefix: string,
  suffix: string,
): number {
  const before = folded.slice(Math.max(0, start - prefix.length), start);
  const after = folded.slice(end, end + suffix.length);
  return contextScore(before, after, prefix, suffix);
}

/** Stored context shorter than this is too common a string to say where the passage was. */
const MIN_NEIGHBOUR = 8;
/**
 * The old neighbour is looked for by the stored context nearest the passage: the whole
 * 32 characters often reach into a second block that was edited or moved on its own.
 */
const NEIGHBOUR_EDGE = 16;
/** A side of the context agreeing less than this is no longer the passage's old neighbour. */
const NEIGHBOUR_GONE = 0.5;

/**
 * Whether the passage found exactly at folded[start, end) has moved: an old neighbour is
 * still on the page, once, but on the other side of it (the stored prefix now after the
 * passage, or the stored suffix before it). Text inserted or deleted next to a passage,
 * or a neighbour reworded, leaves its neighbours on their own sides and is not a move.
 * A passage inside a moved paragraph keeps its neighbours and cannot be told from one
 * that stayed: only the passages at the edges of what moved are said to have moved.
 */
export function movedAway(
  folded: string,
  start: number,
  end: number,
  prefix: string,
  suffix: string,
): boolean {
  const once = (needle: string) => {
    const at = folded.indexOf(needle);
    return at >= 0 && folded.indexOf(needle, at + 1) < 0 ? at : -1;
  };
  const before = folded.slice(Math.max(0, start - prefix.length), start);
  // The space between the passage and its neighbour is not part of the neighbour.
  const near = {
    prefix: prefix.slice(-NEIGHBOUR_EDGE).trim(),
    suffix: suffix.slice(0, NEIGHBOUR_EDGE).trim(),
  };
  if (near.prefix.length >= MIN_NEIGHBOUR && similarity(before, prefix) < NEIGHBOUR_GONE) {
    if (once(near.prefix) >= end) return true;
  }
  const after = folded.slice(end, end + suffix.length);
  if (near.suffix.length >= MIN_NEIGHBOUR && similarity(after, suffix) < NEIGHBOUR_GONE) {
    const at = once(near.suffix);
    if (at >= 0 && at + near.suffix.length <= start) return true;
  }
  return false;
}
