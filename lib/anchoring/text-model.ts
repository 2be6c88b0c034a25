/**
 * One flat view of the page's readable text, shared by describing and anchoring so that
 * both count characters the same way. Offsets into `text` are what TextPositionSelectors
 * store. The text is the page's text nodes in reading order (see tree.ts for what is left
 * out and why), with one "\n" added where a block edge separates two words that the markup
 * runs together (`<p>end.</p><p>Next`): minified and indented copies of a page then read
 * the same, and a quote across paragraphs keeps its word break.
 */
import { isSpaceCode } from './normalize';
import {
  BLOCKS,
  composedChildren,
  composedParent,
  GLOSS_UI_ATTRIBUTE,
  isGlossUi,
  isReadable,
  SKIPPED,
} from './tree';

export { GLOSS_UI_ATTRIBUTE, insideGlossUi, markGlossUi } from './tree';

export interface TextModel {
  readonly root: Node;
  readonly text: string;
  readonly nodes: readonly Text[];
  /** starts[i] is the offset of nodes[i] in `text`. */
  readonly starts: readonly number[];
}

/**
 * Elements whose children may differ in reading order: those that can host a shadow root
 * (custom elements and these), slots and frames. Asking only these for a shadow root saves
 * a call per element on large pages.
 */
const MAY_COMPOSE = new Set([
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'DIV',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'MAIN',
  'NAV',
  'P',
  'SECTION',
  'SPAN',
  'SLOT',
  'IFRAME',
  'FRAME',
]);

/** Marks, on the walk's stack, the end of a block element's subtree. */
const BLOCK_END = Symbol('block end');

export function buildTextModel(root: Node): TextModel {
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let length = 0;
  let pendingBreak = false;

  // Gloss's own elements, found natively per tree rather than asked of every element.
  const own = new Set<Element>();
  const findOwn = (scope: Node) => {
    const found = (scope as ParentNode).querySelectorAll?.(`[${GLOSS_UI_ATTRIBUTE}]`) ?? [];
    for (const element of found) if (isGlossUi(element)) own.add(element);
  };
  findOwn(root);

  // An explicit stack rather than recursion: pages nest elements thousands deep (generated
  // markup, hostile pages) and the call stack would overflow long before the DOM does.
  // Children are pushed last-first so that they pop in reading order; BLOCK_END marks where
  // a block's subtree ends, since the word break it adds belongs after its last child.
  const stack: (Node | typeof BLOCK_END)[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Node | typeof BLOCK_END;
    if (node === BLOCK_END) {
      pendingBreak = true;
      continue;
    }
    const type = node.nodeType;
    if (type === 3) {
      const data = (node as Text).data;
      if (data.length === 0) continue;
      if (pendingBreak) {
        const last = parts[parts.length - 1];
        if (last && !isSpaceCode(last.charCodeAt(last.length - 1)) && !isSpaceCode(data.charCodeAt(0))) {
          parts.push('\n');
          length++;
        }
        pendingBreak = false;
      }
      nodes.push(node as Text);
      starts.push(length);
      parts.push(data);
      length += data.length;
      continue;
    }
    if (type !== 1 && type !== 9 && type !== 11) continue;
    let composed: ArrayLike<Node> | null = null;
    if (type === 1) {
      // One tagName read per element: this loop runs over every element of the page.
      const element = node as Element;
      const tag = element.tagName;
      if (SKIPPED.has(tag) || own.has(element)) continue;
      if (BLOCKS.has(tag)) {
        pendingBreak = true;
        stack.push(BLOCK_END);
      }
      if (MAY_COMPOSE.has(tag) || tag.includes('-')) composed = composedChildren(node);
      // A shadow root or a frame is a new tree: look there for Gloss's elements too.
      const tree = composed && (element.shadowRoot ?? (tag === 'SLOT' ? null : composed[0]));
      if (tree) findOwn(tree);
    }
    if (composed) {
      for (let i = composed.length - 1; i >= 0; i--) stack.push(composed[i] as Node);
    } else {
      for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
    }
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

const indexes = new WeakMap<TextModel, Map<Node, number>>();

function indexOfNodes(model: TextModel): Map<Node, number> {
  const known = indexes.get(model);
  if (known) return known;
  const index = new Map<Node, number>();
  for (let i = 0; i < model.nodes.length; i++) index.set(model.nodes[i] as Text, i);
  indexes.set(model, index);
  return index;
}

function nextSiblingInOrder(node: Node): Node | null {
  const parent = composedParent(node);
  if (!parent) return null;
  const list = composedChildren(parent);
  if (!list) return node.parentNode === parent ? node.nextSibling : null;
  for (let i = 0; i < list.length; i++) if (list[i] === node) return list[i + 1] ?? null;
  return null;
}

/** Offset of the first modelled text at or after `node` (entering it when `enter`). */
function offsetFrom(model: TextModel, node: Node, enter: boolean): number {
  const index = indexOfNodes(model);
  let current: Node | null = node;
  let descend = enter;
  while (current) {
    if (descend) {
      const i = index.get(current);
      if (i !== undefined) return model.starts[i] ?? 0;
      const readable: boolean = current.nodeType !== 1 || isReadable(current as Element);
      const first: Node | null = readable
        ? ((composedChildren(current) ?? [])[0] ?? current.firstChild)
        : null;
      if (first) {
        current = first;
        continue;
      }
    }
    if (current === model.root) return model.text.length;
    let next = nextSiblingInOrder(current);
    while (!next) {
      current = composedParent(current as Node);
      if (!current || current === model.root) return model.text.length;
      next = nextSiblingInOrder(current);
    }
    current = next;
    descend = true;
  }
  return model.text.length;
}

/**
 * The text-model offset of a DOM boundary point. Element boundaries resolve to the first
 * modelled text after the point, which is where the selected text begins. No Range is made:
 * live Ranges slow every later DOM change, and they cannot compare points across shadow
 * roots or frames.
 */
export function offsetOfPoint(model: TextModel, container: Node, offset: number): number {
  if (container.nodeType === 3) {
    const i = indexOfNodes(model).get(container);
    if (i !== undefined) return (model.starts[i] ?? 0) + Math.min(offset, (container as Text).length);
    return offsetFrom(model, container, false);
  }
  const child = container.childNodes[offset];
  return child ? offsetFrom(model, child, true) : offsetFrom(model, container, false);
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
