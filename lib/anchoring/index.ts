/**
 * Anchoring: from a selection to stored selectors (`describe`) and from stored selectors
 * back to a place in the page (`anchorAll`). DOM in, offsets out; no storage, no drawing.
 * Results are spans of the text model rather than live Ranges, because live Ranges slow
 * every later DOM mutation (including drawing the highlights).
 */
import type { AnnotationTarget } from '../types';
import { type MatchResult, matchTarget, pageText } from './match';
import { rawToFolded } from './page-text';
import type { TextModel } from './text-model';

export { describe, describeSpan, type RangeLike, spanOfRange } from './describe';
export { type MatchHint, type MatchResult, matchTarget, type PageText, pageText } from './match';
export {
  buildTextModel,
  GLOSS_UI_ATTRIBUTE,
  insideGlossUi,
  markGlossUi,
  pointAtOffset,
  type TextModel,
} from './text-model';

export interface Anchorable {
  id: string;
  target: AnnotationTarget;
}

/**
 * Anchors many annotations against one text model: the page text is read (and if need be
 * folded) once per pass. Passages are taken in stored order so that each can try the
 * place where the previous one turned up: an insertion high on the page shifts everything
 * below it by the same amount.
 */
export function anchorAll(model: TextModel, items: readonly Anchorable[]): Map<string, MatchResult> {
  const page = pageText(model.text);
  const ordered = [...items].sort(
    (a, b) =>
      (a.target.position?.start ?? Number.MAX_SAFE_INTEGER) -
      (b.target.position?.start ?? Number.MAX_SAFE_INTEGER),
  );
  const results = new Map<string, MatchResult>();
  let drift = 0;
  for (const item of ordered) {
    const result = matchTarget(page, item.target, { drift });
    results.set(item.id, result);
    const position = item.target.position;
    if (result.kind === 'orphan' || !position) continue;
    if (result.start === position.start) drift = 0;
    else {
      const folded = page.folded();
      drift = rawToFolded(folded, result.start) - rawToFolded(folded, position.start);
    }
  }
  return new Map(items.map((item) => [item.id, results.get(item.id) as MatchResult]));
}
