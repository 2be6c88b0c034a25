/**
 * Turning a reader's selection into selectors that survive page edits: the quote with
 * enough context on each side to tell repeated phrases apart, and its position in the
 * text model. Leading and trailing whitespace is trimmed because double-click and
 * triple-click selections drag in line breaks that are not part of what was meant.
 */
import type { AnnotationTarget } from '../types';
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
  while (start < end && /\s/.test(model.text[start] ?? '')) start++;
  while (end > start && /\s/.test(model.text[end - 1] ?? '')) end--;
  return end > start ? { start, end } : null;
}

export function describeSpan(model: TextModel, start: number, end: number): AnnotationTarget {
  const text = model.text;
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

export function describe(model: TextModel, range: RangeLike): AnnotationTarget | null {
  const span = spanOfRange(model, range);
  return span ? describeSpan(model, span.start, span.end) : null;
}
