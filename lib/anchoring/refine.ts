/**
 * Where exactly an edited passage begins and ends. An approximate search finds the
 * cheapest stretch matching the quote, and when a word at the quote's edge was replaced
 * that stretch drops or halves the word ("nents argued" for "Opponents argued"). Aligning
 * prefix + quote + suffix together puts each edge where the stored context says the
 * passage stops, so the highlight covers the whole replaced word.
 */

/** Alignments larger than this many cells keep the search's own edges (very long quotes). */
const MAX_CELLS = 2_000_000;

/**
 * Semi-global edit-distance alignment of `pattern` inside `text`; returns, for the two
 * pattern boundaries asked for, the first text offset aligned at `startAt` and the last at `endAt`.
 */
function alignBoundaries(
  pattern: string,
  text: string,
  startAt: number,
  endAt: number,
): { start: number; end: number } | null {
  const rows = pattern.length + 1;
  const cols = text.length + 1;
  if (rows * cols > MAX_CELLS || rows + cols >= 0xffff) return null;
  const d = new Uint16Array(rows * cols);
  for (let i = 1; i < rows; i++) d[i * cols] = i;
  for (let i = 1; i < rows; i++) {
    const p = pattern.charCodeAt(i - 1);
    const row = i * cols;
    const up = row - cols;
    for (let j = 1; j < cols; j++) {
      const diagonal = (d[up + j - 1] as number) + (p === text.charCodeAt(j - 1) ? 0 : 1);
      const deletion = (d[up + j] as number) + 1;
      const insertion = (d[row + j - 1] as number) + 1;
      d[row + j] = Math.min(diagonal, deletion, insertion);
    }
  }
  const last = (rows - 1) * cols;
  let j = 0;
  for (let k = 1; k < cols; k++) if ((d[last + k] as number) < (d[last + j] as number)) j = k;
  let start = -1;
  let end = -1;
  for (let i = rows - 1; i >= 0; ) {
    if (i === startAt) start = j;
    if (i === endAt && end < 0) end = j;
    if (i === 0) break;
    const here = d[i * cols + j] as number;
    const cost = j > 0 && pattern.charCodeAt(i - 1) === text.charCodeAt(j - 1) ? 0 : 1;
    if (j > 0 && here === (d[(i - 1) * cols + j - 1] as number) + cost) {
      i--;
      j--;
    } else if (here === (d[(i - 1) * cols + j] as number) + 1) {
      i--;
    } else {
      j--;
    }
  }
  return start >= 0 && end >= start ? { start, end } : null;
}

/** The edges of an edited passage found at folded[start, end), moved to agree with its context. */
export function refineEdges(
  folded: string,
  start: number,
  end: number,
  quote: string,
  prefix: string,
  suffix: string,
): { start: number; end: number } {
  const slack = 8 + Math.ceil(quote.length / 8);
  const from = Math.max(0, start - prefix.length - slack);
  const to = Math.min(folded.length, end + suffix.length + slack);
  const aligned = alignBoundaries(
    prefix + quote + suffix,
    folded.slice(from, to),
    prefix.length,
    prefix.length + quote.length,
  );
  if (!aligned) return { start, end };
  let s = from + aligned.start;
  let e = from + aligned.end;
  while (s < e && folded[s] === ' ') s++;
  while (e > s && folded[e - 1] === ' ') e--;
  if (e <= s || s < start - slack || e > end + slack) return { start, end };
  return { start: s, end: e };
}
