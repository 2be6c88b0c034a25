/**
 * How much a quote says, in the units its script writes in: words where words are
 * separated by spaces, characters where they are not (Chinese, Japanese). The same
 * number of characters says far more in Chinese than in English, so lengths that decide
 * how far a quote is trusted are counted in these units, not in UTF-16 code units.
 */

/** Han ideographs, kana and the CJK punctuation and full-width forms written with them. */
const UNSPACED =
  /[\u3000-\u303f\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/u;

export interface Units {
  /** Characters other than spaces (a surrogate pair counts once). */
  chars: number;
  /** Runs of characters between spaces. */
  words: number;
  /** Most of its characters belong to a script written without spaces. */
  unspaced: boolean;
}

export function units(text: string): Units {
  let chars = 0;
  let unspaced = 0;
  let words = 0;
  let inWord = false;
  for (const c of text) {
    if (/\s/u.test(c)) {
      inWord = false;
      continue;
    }
    chars++;
    if (UNSPACED.test(c)) unspaced++;
    if (!inWord) words++;
    inWord = true;
  }
  return { chars, words, unspaced: unspaced * 2 >= chars && chars > 0 };
}

/** The units of a text: its words, each Chinese or Japanese character counting as one. */
export function wordUnits(text: string): string[] {
  const out: string[] = [];
  let word = '';
  for (const c of text) {
    if (/\s/u.test(c)) {
      if (word) out.push(word);
      word = '';
    } else if (UNSPACED.test(c)) {
      if (word) out.push(word);
      word = '';
      out.push(c);
    } else word += c;
  }
  if (word) out.push(word);
  return out;
}

/**
 * Whether a quote found exactly once on the page is the passage whatever its context: it
 * is too long to stand there by chance. Measured by bench/chance-copies.mjs over the
 * corpus (six families of pages written independently, in English, Chinese, Japanese and
 * German) and, with --man, 7.5 MB of man pages in the same languages:
 * - spaced scripts: no run of 5 words of one family stands in another family or in the
 *   man pages; 4-word runs do, made of the commonest words ("the date of the", 12
 *   characters without spaces). Inside one page, runs of up to 4 words recur by chance or
 *   topic ("flooded the lower town"); longer repeats are sentences copied on purpose
 *   (pull quotes, summaries, a repeated headline).
 * - Chinese and Japanese: runs of 4 characters stand in independent texts, none of 5;
 *   inside one page, topic words recur up to 9 characters ("地铁五号线延伸段今", the
 *   headline echoed by the first sentence); longer repeats are whole headlines copied.
 * So a quote is self-evident from 5 words, if they average 4 characters (runs of the
 * shortest words are the ones that recur), or from 12 Chinese or Japanese characters
 * (three past the longest repeat of topic words, so more than a word longer).
 */
export const SELF_EVIDENT = { words: 5, chars: 20, unspacedChars: 12 };

export function selfEvident(quote: string): boolean {
  const u = units(quote);
  return u.unspaced
    ? u.chars >= SELF_EVIDENT.unspacedChars
    : u.words >= SELF_EVIDENT.words && u.chars >= SELF_EVIDENT.chars;
}

/** Edit distance between two lists of units (words, or characters where there are no spaces). */
export function unitDistance(a: readonly string[], b: readonly string[]): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(
        Math.min((previous[j - 1] as number) + cost, (previous[j] as number) + 1, (row[j - 1] as number) + 1),
      );
    }
    previous = row;
  }
  return previous[b.length] as number;
}
