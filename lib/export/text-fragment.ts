/**
 * Links that scroll a browser straight to a highlighted passage, using the Text Fragments
 * syntax `#:~:text=[prefix-,]textStart[,textEnd][,-suffix]`. The link is built from the stored
 * TextQuoteSelector only, so it works in any browser that supports text fragments, with or
 * without Gloss installed.
 */
import type { TextQuoteSelector } from '../types';
import { encodeComponent } from './iri';
import { withoutFragment } from './pages';

/** Quotes longer than this many words are linked by their first and last words only. */
const LONG_QUOTE_WORDS = 10;
const EDGE_WORDS = 4;
/** Scripts written without spaces (Chinese, Japanese, Thai) fall back to characters. */
const LONG_QUOTE_CHARS = 150;
const EDGE_CHARS = 20;
const CONTEXT_WORDS = 2;

const WHITESPACE = /\s+/;
const LEADING_SPACE = /^\s/;
const TRAILING_SPACE = /\s$/;
const HYPHEN = /-/g;

/**
 * Percent-encodes one directive term. Besides what encodeURIComponent escapes (which includes
 * `,` and `&`), the spec reserves `-` as the prefix/suffix marker. A lone surrogate, which
 * encodeURIComponent would throw on, becomes U+FFFD.
 */
export function encodeTextDirective(text: string): string {
  return encodeComponent(text).replace(HYPHEN, '%2D');
}

function words(text: string): string[] {
  const trimmed = text.trim();
  return trimmed === '' ? [] : trimmed.split(WHITESPACE);
}

/**
 * The words of the stored context nearest the quote. The far end of a stored prefix or
 * suffix was cut at a character count, so its outermost word may be a fragment that would
 * stop the browser matching; it is dropped unless it is all there is.
 */
function nearestWords(context: string | undefined, side: 'before' | 'after'): string {
  if (!context) return '';
  let list = words(context);
  const cutAtFarEnd = side === 'before' ? !LEADING_SPACE.test(context) : !TRAILING_SPACE.test(context);
  if (cutAtFarEnd && list.length > 1) list = side === 'before' ? list.slice(1) : list.slice(0, -1);
  return (side === 'before' ? list.slice(-CONTEXT_WORDS) : list.slice(0, CONTEXT_WORDS)).join(' ');
}

/** textStart and, for a long quote, textEnd. */
function quoteTerms(exact: string): [string, string?] {
  const list = words(exact);
  if (list.length > LONG_QUOTE_WORDS) {
    return [list.slice(0, EDGE_WORDS).join(' '), list.slice(-EDGE_WORDS).join(' ')];
  }
  const joined = list.join(' ');
  const chars = Array.from(joined);
  if (chars.length > LONG_QUOTE_CHARS) {
    return [chars.slice(0, EDGE_CHARS).join('').trim(), chars.slice(-EDGE_CHARS).join('').trim()];
  }
  return [joined];
}

/** The page address with a text directive for the quote; the bare address when the quote is blank. */
export function textFragmentUrl(url: string, quote: TextQuoteSelector): string {
  const base = withoutFragment(url);
  const [start, end] = quoteTerms(quote.exact);
  if (!start) return base;
  const prefix = nearestWords(quote.prefix, 'before');
  const suffix = nearestWords(quote.suffix, 'after');
  let directive = encodeTextDirective(start);
  if (prefix) directive = `${encodeTextDirective(prefix)}-,${directive}`;
  if (end) directive += `,${encodeTextDirective(end)}`;
  if (suffix) directive += `,-${encodeTextDirective(suffix)}`;
  return `${base}#:~:text=${directive}`;
}
