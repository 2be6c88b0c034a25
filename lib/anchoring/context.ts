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
