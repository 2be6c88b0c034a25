/**
 * Turns text-model spans into mark.js instructions before anything is drawn. mark.js counts
 * offsets over the text of a context element, and that count is unchanged by wrapping, so
 * every plan stays valid while the others are drawn; the text model's node list does not.
 * The context is the smallest element holding the passage, so each draw walks one
 * paragraph rather than the whole page.
 */
import { pointAtOffset, type TextModel } from '../anchoring';

/** Text whose parent matches these is not counted, by mark.js or by us. */
export const MARK_EXCLUDE = ['noscript', 'textarea', 'template'];
const UNCOUNTED = new Set(['SCRIPT', 'STYLE', 'TITLE', 'HEAD', 'HTML', 'NOSCRIPT', 'TEXTAREA', 'TEMPLATE']);

export interface HighlightPlan {
  context: Element;
  start: number;
  length: number;
}

function commonElement(a: Node, b: Node): Element | null {
  const doc = a.ownerDocument;
  if (!doc) return null;
  const range = doc.createRange();
  range.setStart(a, 0);
  range.setEnd(b, 0);
  const common = range.commonAncestorContainer;
  range.detach();
  return common.nodeType === Node.ELEMENT_NODE ? (common as Element) : common.parentElement;
}

/** mark.js's offset of a text node within `context`, or -1 if it is not counted there. */
function markOffsetsOf(context: Element, targets: readonly Text[]): number[] {
  const doc = context.ownerDocument;
  const walker = doc.createTreeWalker(context, NodeFilter.SHOW_TEXT);
  const found = targets.map(() => -1);
  let offset = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent && UNCOUNTED.has(parent.tagName)) continue;
    targets.forEach((target, i) => {
      if (target === node) found[i] = offset;
    });
    if (found.every((value) => value >= 0)) break;
    offset += (node as Text).length;
  }
  return found;
}

export function planHighlight(model: TextModel, start: number, end: number): HighlightPlan | null {
  if (end <= start || model.nodes.length === 0) return null;
  const from = pointAtOffset(model, start);
  const to = pointAtOffset(model, end, true);
  const context = commonElement(from.node, to.node);
  if (!context) return null;
  const [fromBase, toBase] = markOffsetsOf(context, [from.node, to.node]);
  if (fromBase === undefined || toBase === undefined || fromBase < 0 || toBase < 0) return null;
  const markStart = fromBase + from.offset;
  const length = toBase + to.offset - markStart;
  return length > 0 ? { context, start: markStart, length } : null;
}
