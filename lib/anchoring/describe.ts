/**
 * Turning a reader's selection into selectors that survive page edits: the quote with
 * enough context on each side to tell repeated phrases apart, and its position in the
 * text model. Leading and trailing whitespace is trimmed because double-click and
 * triple-click selections drag in line breaks that are not part of what was meant. Quote
 * and context are stored with whitespace runs collapsed: source indentation is not part of
 * the passage, and 32 characters of context should be 32 characters of words.
 */
import type { AnnotationTarget } from '../types';
import { collapseWhitespace, isSpaceCode } from './normalize';
import { offsetOfPoint, type TextModel } from './text-model';

export const CONTEXT_LENGTH = 32;

export interface RangeLike {
  startContainer: Node;
  startOffset: number;
  endContainer: Node;
  endOffset: number;
}

/** The trimmed text-model span of a range, or null when it holds no text. */
export function spanOfRange(model: TextModel, range: RangeLike): { start: number; end: number } | null {
  let start = offsetOfPoint(model, range.startContainer, range.startOffset);
  let end = offsetOfPoint(model, range.endContainer, range.endOffset);
  while (start < end && isSpaceCode(model.text.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(model.text.charCodeAt(end - 1))) end--;
  return end > start ? { start, end } : null;
}

function contextBefore(text: string, start: number): string {
  let from = start;
  let collapsed = '';
  while (collapsed.length < CONTEXT_LENGTH && from > 0) {
    from = Math.max(0, from - CONTEXT_LENGTH * 4);
    collapsed = collapseWhitespace(text.slice(from, start));
  }
  if (from === 0) collapsed = collapsed.trimStart();
  return collapsed.slice(-CONTEXT_LENGTH);
}

function contextAfter(text: string, end: number): string {
  let to = end;
  let collapsed = '';
  while (collapsed.length < CONTEXT_LENGTH && to < text.length) {
    to = Math.min(text.length, to + CONTEXT_LENGTH * 4);
    collapsed = collapseWhitespace(text.slice(end, to));
  }
  if (to === text.length) collapsed = collapsed.trimEnd();
  return collapsed.slice(0, CONTEXT_LENGTH);
}

export function describeSpan(model: TextModel, start: number, end: number): AnnotationTarget {
  const text = model.text;
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: collapseWhitespace(text.slice(start, end)).trim(),
      prefix: contextBefore(text, start),
      suffix: contextAfter(text, end),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

export function describe(model: TextModel, range: RangeLike): AnnotationTarget | null {
  const span = spanOfRange(model, range);
  return span ? describeSpan(model, span.start, span.end) : null;
}
