/**
 * The in-page half of bench/scale-chromium.mjs, bundled by esbuild and run in the demo
 * article: describes passages spread over the page the way the annotator describes a
 * selection (lib/anchoring), so that the records the bench stores anchor exactly and the
 * page draws them as it would a reader's own.
 */
import { buildTextModel, describeSpan } from '../lib/anchoring';
import { isSpaceCode } from '../lib/anchoring/normalize';
import type { AnnotationTarget } from '../lib/types';

/** `count` passages of about `length` characters, word-aligned, one in each equal share of the text. */
export function describePassages(count: number, length = 40): AnnotationTarget[] {
  const model = buildTextModel(document.body);
  const text = model.text;
  const share = Math.floor(text.length / count);
  const isSpace = (at: number) => at < text.length && isSpaceCode(text.charCodeAt(at));
  const targets: AnnotationTarget[] = [];
  for (let i = 0; i < count; i++) {
    let start = i * share;
    // From the next word start; the end is the end of the word that reaches `length`.
    if (i > 0) while (start < text.length && !isSpace(start)) start++;
    while (isSpace(start)) start++;
    let end = Math.min(start + length, (i + 1) * share - 1);
    while (end < text.length && !isSpace(end)) end++;
    targets.push(describeSpan(model, start, end));
  }
  return targets;
}
