/**
 * One flat view of the page's readable text, shared by describing and anchoring so that
 * both count characters the same way. Offsets into `text` are what TextPositionSelectors
 * store. Text a reader cannot select (scripts, styles, noscript fallbacks, Gloss's own UI)
 * is left out: Hypothesis-style offsets over `textContent` count script text, which moves
 * every offset whenever a page changes an inline script.
 */

const SKIPPED_PARENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'TITLE', 'HEAD']);

/** Elements that Gloss adds to pages carry this attribute so that their text is never modelled. */
export const GLOSS_UI_ATTRIBUTE = 'data-gloss-ui';

export interface TextModel {
  readonly root: Node;
  readonly text: string;
  readonly nodes: readonly Text[];
  /** starts[i] is the offset of nodes[i] in `text`. */
  readonly starts: readonly number[];
}

function isModelled(node: Text): boolean {
  const parent = node.parentElement;
  if (!parent) return true;
  if (SKIPPED_PARENTS.has(parent.tagName)) return false;
  return parent.closest(`[${GLOSS_UI_ATTRIBUTE}]`) === null;
}

export function buildTextModel(root: Node): TextModel {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let length = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    if (!isModelled(text)) continue;
    nodes.push(text);
    starts.push(length);
    parts.push(text.data);
    length += text.data.length;
  }
  return { root, text: parts.join(''), nodes, starts };
}

/** Index of the last node whose start is <= offset (binary search: pages have 10^5 text nodes). */
export function nodeIndexAt(model: TextModel, offset: number): number {
  let lo = 0;
  let hi = model.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((model.starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The text-model offset of a DOM boundary point. Element boundaries resolve to the first
 * modelled text node after the point, which is where the selected text begins.
 */
export function offsetOfPoint(model: TextModel, container: Node, offset: number): number {
  if (container.nodeType === Node.TEXT_NODE) {
    const index = model.nodes.indexOf(container as Text);
    if (index >= 0) return (model.starts[index] ?? 0) + Math.min(offset, (container as Text).length);
  }
  const doc = model.root.ownerDocument ?? (model.root as Document);
  const probe = doc.createRange();
  probe.setStart(container, offset);
  // First node that starts at or after the point.
  let lo = 0;
  let hi = model.nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const node = model.nodes[mid] as Text;
    if (probe.comparePoint(node, 0) < 0) lo = mid + 1;
    else hi = mid;
  }
  probe.detach();
  return lo < model.nodes.length ? (model.starts[lo] ?? 0) : model.text.length;
}

/** The DOM point for a text-model offset; `preferEnd` keeps an end point in the node before a gap. */
export function pointAtOffset(
  model: TextModel,
  offset: number,
  preferEnd = false,
): { node: Text; offset: number } {
  let index = nodeIndexAt(model, offset);
  if (preferEnd) {
    while (index > 0 && (model.starts[index] ?? 0) === offset) index--;
  }
  const node = model.nodes[index] as Text;
  return { node, offset: Math.min(offset - (model.starts[index] ?? 0), node.length) };
}
