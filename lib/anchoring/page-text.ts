/**
 * The page text as matching sees it: raw (what offsets count) and folded (what quotes are
 * compared against), the folded form made once per pass and only when a cheap check at the
 * stored position has failed, because folding a megabyte page costs more than anchoring a
 * thousand unchanged passages.
 */
import { type FoldedText, fold } from './normalize';

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

/** Index of the first folded character at or after a raw offset. */
export function rawToFolded(folded: FoldedText, raw: number): number {
  let lo = 0;
  let hi = folded.toRaw.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((folded.toRaw[mid] ?? 0) < raw) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The raw span covered by folded[start, end). */
export function rawSpan(folded: FoldedText, start: number, end: number): { start: number; end: number } {
  const rawStart = folded.toRaw[start] ?? 0;
  return { start: rawStart, end: (folded.toRaw[end - 1] ?? rawStart) + 1 };
}

/** The last `n` folded characters before raw offset `at`, folding only a window of the raw text. */
export function foldedBefore(raw: string, at: number, n: number): string {
  if (n === 0) return '';
  let from = at;
  let text = '';
  while (text.length < n && from > 0) {
    from = Math.max(0, from - Math.max(64, n * 2));
    text = fold(raw.slice(from, at)).text;
  }
  return text.slice(-n);
}

/** The first `n` folded characters from raw offset `at`. */
export function foldedAfter(raw: string, at: number, n: number): string {
  if (n === 0) return '';
  let to = at;
  let text = '';
  while (text.length < n && to < raw.length) {
    to = Math.min(raw.length, to + Math.max(64, n * 2));
    text = fold(raw.slice(at, to)).text;
  }
  return text.slice(0, n);
}
