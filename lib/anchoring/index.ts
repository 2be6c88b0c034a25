/**
 * Anchoring: from a selection to stored selectors (`describe`) and from stored selectors
 * back to a place in the page (`anchorAll`). DOM in, offsets out; no storage, no drawing.
 * Results are spans of the text model rather than live Ranges, because live Ranges slow
 * every later DOM mutation (including drawing the highlights).
 */
import type { AnnotationTarget } from '../types';
import { type MatchResult, matchTarget, pageText } from './match';
import type { TextModel } from './text-model';

export { describe, describeSpan, spanOfRange } from './describe';
export { type MatchResult, matchTarget, pageText } from './match';
export { buildTextModel, GLOSS_UI_ATTRIBUTE, pointAtOffset, type TextModel } from './text-model';

export interface Anchorable {
  id: string;
  target: AnnotationTarget;
}

/** Anchors many annotations against one text model: the page text is read once per pass. */
export function anchorAll(model: TextModel, items: readonly Anchorable[]): Map<string, MatchResult> {
  const page = pageText(model.text);
  const results = new Map<string, MatchResult>();
  for (const item of items) results.set(item.id, matchTarget(page, item.target));
  return results;
}
