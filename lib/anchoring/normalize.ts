/**
 * Text equivalence for matching. Pages re-typeset text between visits (straight quotes
 * become curly, hyphens become dashes, spaces become `&nbsp;`, indentation changes), none
 * of which changes what the reader highlighted. Both sides are folded the same way and the
 * fold keeps a map back to raw offsets so that matches land on the real text.
 */

const FOLDS: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2033': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u2026': '.',
  '\u00ad': '',
  '\u200b': '',
};

const WHITESPACE = /\s/;

export interface FoldedText {
  text: string;
  /** toRaw[i] is the raw offset of folded character i; toRaw[text.length] is the raw length. */
  toRaw: Int32Array;
}

export function fold(raw: string): FoldedText {
  const out: string[] = [];
  const toRaw = new Int32Array(raw.length + 1);
  let n = 0;
  let lastWasSpace = true; // drops leading whitespace
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i] as string;
    if (WHITESPACE.test(ch)) {
      if (lastWasSpace) continue;
      out.push(' ');
      toRaw[n++] = i;
      lastWasSpace = true;
      continue;
    }
    const folded = FOLDS[ch] ?? ch.toLowerCase();
    if (folded === '') continue;
    // Lower-casing can lengthen a character (e.g. "İ"); keep one folded char per raw char.
    out.push(folded.length === 1 ? folded : ch);
    toRaw[n++] = i;
    lastWasSpace = false;
  }
  if (n > 0 && out[n - 1] === ' ') n--;
  toRaw[n] = raw.length;
  return { text: out.slice(0, n).join(''), toRaw: toRaw.subarray(0, n + 1) };
}

/** The folded form of a short string, without the offset map. */
export function foldString(raw: string): string {
  return fold(raw).text;
}
