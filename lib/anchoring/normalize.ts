/**
 * Text equivalence for matching. Pages re-typeset text between visits (straight quotes
 * become curly, hyphens become dashes, spaces become `&nbsp;`, indentation changes), none
 * of which changes what the reader highlighted. Both sides are folded the same way and the
 * fold keeps a map back to raw offsets so that matches land on the real text. Case is kept:
 * a changed capital is a changed passage. The fold runs over megabyte pages, so it works on
 * char codes into typed arrays rather than building strings character by character.
 */

/** Single-character replacements; a missing entry keeps the character. */
const FOLDS = new Map<number, number>([
  [0x2018, 0x27], // ‘
  [0x2019, 0x27], // ’
  [0x201a, 0x27], // ‚
  [0x201b, 0x27], // ‛
  [0x2032, 0x27], // ′
  [0x201c, 0x22], // “
  [0x201d, 0x22], // ”
  [0x201e, 0x22], // „
  [0x201f, 0x22], // ‟
  [0x2033, 0x22], // ″
  [0x00ab, 0x22], // «
  [0x00bb, 0x22], // »
  [0x2010, 0x2d], // ‐
  [0x2011, 0x2d], // non-breaking hyphen
  [0x2012, 0x2d], // ‒
  [0x2013, 0x2d], // –
  [0x2014, 0x2d], // —
  [0x2015, 0x2d], // ―
  [0x2212, 0x2d], // −
]);
const DROPPED = new Set([0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);
const ELLIPSIS = 0x2026;
const DOT = 0x2e;
const SPACE = 0x20;

export function isSpaceCode(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

export interface FoldedText {
  text: string;
  /** toRaw[i] is the raw offset of folded character i; toRaw[text.length] is the raw length. */
  toRaw: Int32Array;
}

function decode(codes: Uint16Array, length: number): string {
  const CHUNK = 8192;
  let out = '';
  for (let i = 0; i < length; i += CHUNK) {
    out += String.fromCharCode.apply(
      null,
      codes.subarray(i, Math.min(length, i + CHUNK)) as unknown as number[],
    );
  }
  return out;
}

/**
 * Scratch buffers reused between folds of short strings (quotes, context windows), which
 * are most folds; a page-sized fold gets its own buffers so that no megabytes stay held.
 */
const SCRATCH = 16384;
const scratchCodes = new Uint16Array(SCRATCH * 3 + 1);
const scratchOffsets = new Int32Array(SCRATCH * 3 + 1);
let codes = scratchCodes;
let offsets = scratchOffsets;

/** Folds `raw` into `codes` and `offsets`; returns the folded length. */
function foldInto(raw: string): number {
  if (raw.length <= SCRATCH) {
    codes = scratchCodes;
    offsets = scratchOffsets;
  } else {
    codes = new Uint16Array(raw.length * 3 + 1);
    offsets = new Int32Array(raw.length * 3 + 1);
  }
  let n = 0;
  let lastWasSpace = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (isSpaceCode(c)) {
      if (lastWasSpace) continue;
      codes[n] = SPACE;
      offsets[n++] = i;
      lastWasSpace = true;
      continue;
    }
    lastWasSpace = false;
    if (c < 0x80) {
      codes[n] = c;
      offsets[n++] = i;
    } else if (c === ELLIPSIS) {
      for (let k = 0; k < 3; k++) {
        codes[n] = DOT;
        offsets[n++] = i;
      }
    } else if (!DROPPED.has(c)) {
      codes[n] = FOLDS.get(c) ?? c;
      offsets[n++] = i;
    }
  }
  offsets[n] = raw.length;
  return n;
}

/**
 * Folds `raw`: every whitespace run becomes one space (kept at the edges, so that context
 * strings line up with the page), typographic quotes and dashes become ASCII, "…" becomes
 * "...", soft hyphens and zero-width characters disappear.
 */
export function fold(raw: string): FoldedText {
  const n = foldInto(raw);
  const folded = { text: decode(codes, n), toRaw: offsets.slice(0, n + 1) };
  codes = scratchCodes;
  offsets = scratchOffsets;
  return folded;
}

/** The folded form of a string, without the offset map. */
export function foldString(raw: string): string {
  const text = decode(codes, foldInto(raw));
  codes = scratchCodes;
  offsets = scratchOffsets;
  return text;
}

/** A quote as it is compared: folded and trimmed. */
export function foldQuote(raw: string): string {
  return foldString(raw).trim();
}

/** Whitespace runs to one space, nothing else changed: how quotes are stored and shown. */
export function collapseWhitespace(raw: string): string {
  return raw.replace(/\s+/g, ' ');
}
