/**
 * Edited passages told by their context: where the stored prefix still ends and the
 * stored suffix still begins, what lies between is the passage as it reads now. The
 * approximate search counts characters, so one word replaced by a longer one ("news" by
 * "announcements") costs a short passage more than a quarter of its characters and is
 * not found; here the text between intact context is compared word by word instead, so
 * a replaced word costs one whatever its length. Both sides must agree with the stored
 * context (the text beside an unrelated place agrees by chance at most 0.5 on one side,
 * see bench/chance-copies.mjs), so a near copy of a deleted passage elsewhere, which has
 * other neighbours, is never taken.
 */
import { contextAt } from './context';
import type { Found } from './fuzzy';
import { unitDistance, wordUnits } from './units';

/** Context must agree this well on average for the text between it to count as the passage. */
export const BRACKET_CONTEXT = 0.9;
/** Characters of each side's stored context that must read exactly where it still stands. */
const EDGE = 12;
/** Places of the prefix's edge looked at; a prefix found more often than this says nothing. */
const MAX_EDGES = 256;

/**
 * How many units of an n-unit quote may change: a quarter rounded up (one word in a
 * passage of two to four words, two in five to eight), never half of it. A quarter is the
 * share the character search has always allowed (MIN_QUOTE_SCORE), counted in words here.
 */
export function allowedUnitEdits(n: number): number {
  return Math.min(Math.ceil(n / 4), Math.floor((n - 1) / 2));
}

export interface Bracketed extends Found {
  context: number;
  bracketed: true;
}

/** Passages between intact copies of the stored context, with their unit-level score. */
export function bracketCandidates(text: string, quote: string, prefix: string, suffix: string): Bracketed[] {
  if (!prefix && !suffix) return [];
  const quoteUnits = wordUnits(quote);
  const allowed = allowedUnitEdits(quoteUnits.length);
  if (allowed < 1) return [];
  const head = prefix.slice(-EDGE);
  const tail = suffix.slice(0, EDGE);
  const maxGap = quote.length * 2 + 32;
  const starts: number[] = [];
  if (!head) starts.push(0);
  for (let at = head ? text.indexOf(head) : -1; at >= 0; at = text.indexOf(head, at + 1)) {
    starts.push(at + head.length);
    if (starts.length > MAX_EDGES) return [];
  }
  const out: Bracketed[] = [];
  for (const from of starts) {
    const to = tail ? text.indexOf(tail, from + 1) : text.length;
    if (to < 0 || to - from > maxGap) continue;
    let start = from;
    let end = to;
    while (start < end && text[start] === ' ') start++;
    while (end > start && text[end - 1] === ' ') end--;
    if (end <= start) continue;
    const context = contextAt(text, start, end, prefix, suffix);
    if (context < BRACKET_CONTEXT) continue;
    const edits = unitDistance(quoteUnits, wordUnits(text.slice(start, end)));
    if (edits === 0 || edits > allowed) continue;
    out.push({ start, end, quoteScore: 1 - edits / quoteUnits.length, context, bracketed: true });
  }
  return out;
}
