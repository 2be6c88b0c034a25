/**
 * Drawing, recolouring and removing highlights; the only module that uses mark.js. Each
 * highlight is cut into block-sized pieces (plan.ts) and mark.js wraps each block's ranges
 * with its context narrowed to that block, so it walks a paragraph, not the page. Overlaps
 * go into separate markRanges calls (one call silently drops overlapping ranges), so they
 * nest and every highlight stays visible with its own data-annotation-id.
 * Elements are plain <mark>s: a name with no hyphen cannot be claimed by a page's custom
 * element definition (which would run page code on every highlight or make wrapping
 * throw), and <mark> tells assistive technology what it is. Page CSS cannot restyle them
 * because their rules are injected at the user origin (see styles.ts). Only elements this
 * module created count as highlights: a page can add look-alike <mark data-annotation-id>
 * elements, but they are not in `owned` and Gloss ignores them.
 */
import Mark from 'mark.js';
import { isBlock } from '../anchoring/tree';
import type { HighlightColor } from '../types';
import type { HighlightPlan, MarkRange } from './plan';
import { queryAll, rememberRoot } from './roots';
import { withStaticIterators } from './static-iterator';

export const HIGHLIGHT_TAG = 'mark';
const HIGHLIGHT_SELECTOR = `${HIGHLIGHT_TAG}[data-annotation-id]`;

/** Highlights drawn by this script; kept in the content script's world, out of the page's reach. */
const owned = new WeakSet<Element>();

/** Whether `element` is a highlight Gloss drew (not a page-made copy). */
export function isHighlight(element: Element): boolean {
  return owned.has(element);
}

/** The innermost highlight Gloss drew that holds `element`, if any. */
export function highlightAt(element: Element): Element | null {
  for (let at: Element | null = element; at; at = at.parentElement) if (owned.has(at)) return at;
  return null;
}

export interface HighlightStyle {
  id: string;
  color: HighlightColor;
}

/**
 * Whether highlights are switched off. A class on each highlight rather than one on <html>:
 * the user-origin sheet reaches into shadow roots, but a rule keyed on <html> cannot.
 */
let hidden = false;

function className(style: HighlightStyle): string {
  // Which highlights have notes is not marked on the page: page scripts can read classes.
  return `gloss-hl gloss-hl-${style.color}${hidden ? ' gloss-hl-off' : ''}`;
}

/** Shows or hides every highlight drawn under `root`, and those drawn from now on. */
export function setHighlightsHidden(root: ParentNode, value: boolean): void {
  hidden = value;
  for (const element of queryAll(root, HIGHLIGHT_SELECTOR).filter(isHighlight))
    element.classList.toggle('gloss-hl-off', value);
}

/** The nearest sibling that is not an empty text node (splitting leaves those around wraps). */
function neighbour(node: Node, forward: boolean): Node | null {
  let next = forward ? node.nextSibling : node.previousSibling;
  while (next && next.nodeType === Node.TEXT_NODE && (next as Text).data === '') {
    next = forward ? next.nextSibling : next.previousSibling;
  }
  return next;
}

function isBlockNode(node: Node | null): boolean {
  return node !== null && node.nodeType === Node.ELEMENT_NODE && isBlock(node as Element);
}

function unwrap(element: Element): void {
  const parent = element.parentNode;
  if (!parent) return;
  while (element.firstChild) parent.insertBefore(element.firstChild, element);
  parent.removeChild(element);
}

/** Whitespace-only wraps next to blocks would paint stray boxes in lists and tables. */
function dropBlockGapMarks(elements: Element[]): Element[] {
  return elements.filter((element) => {
    const whitespaceOnly = (element.textContent ?? '').trim() === '';
    if (whitespaceOnly && (isBlockNode(neighbour(element, false)) || isBlockNode(neighbour(element, true)))) {
      unwrap(element);
      return false;
    }
    return true;
  });
}

interface StyledRange extends MarkRange {
  style: HighlightStyle;
}

/**
 * Splits one context's ranges into layers of disjoint ranges: mark.js drops a range that
 * overlaps another in the same call, so each layer is one call, and later layers nest
 * inside the wraps of earlier ones.
 */
function layers(ranges: StyledRange[]): StyledRange[][] {
  const result: { end: number; ranges: StyledRange[] }[] = [];
  for (const range of [...ranges].sort((a, b) => a.start - b.start)) {
    const layer = result.find((l) => l.end <= range.start);
    if (layer) {
      layer.ranges.push(range);
      layer.end = range.start + range.length;
    } else result.push({ end: range.start + range.length, ranges: [range] });
  }
  return result.map((l) => l.ranges);
}

/**
 * Draws many highlights with as few mark.js calls as the page allows: one per block and
 * overlap layer rather than one per highlight. Each markRanges call leaves a NodeIterator
 * registered with the document until garbage collection, and every later node removal
 * visits all of them, so the number of calls is what makes a thousand highlights slow.
 */
export function drawHighlights(items: readonly { plan: HighlightPlan; style: HighlightStyle }[]): Element[] {
  const byContext = new Map<Element | ShadowRoot, StyledRange[]>();
  for (const { plan, style } of items) {
    for (const piece of plan.pieces) {
      const list = byContext.get(piece.context) ?? [];
      for (const range of piece.ranges) list.push({ start: range.start, length: range.length, style });
      byContext.set(piece.context, list);
    }
  }
  const created: Element[] = [];
  // mark.js creates its iterators (and elements) through the global document.
  withStaticIterators(document, () => {
    for (const [context, ranges] of byContext) {
      for (const layer of layers(ranges)) {
        new Mark(context as unknown as HTMLElement).markRanges(layer, {
          element: HIGHLIGHT_TAG,
          each: (element: Element, range: MarkRange) => {
            const { style } = range as StyledRange;
            element.setAttribute('class', className(style));
            element.setAttribute('data-annotation-id', style.id);
            owned.add(element);
            created.push(element);
          },
        });
      }
      rememberRoot(context);
    }
  });
  return dropBlockGapMarks(created);
}

/** Draws one highlight: its pieces wrapped block by block, each element carrying its id. */
export function drawHighlight(plan: HighlightPlan, style: HighlightStyle): Element[] {
  return drawHighlights([{ plan, style }]);
}

/** Every element drawn for `id`, including those inside shadow roots and frames. */
export function piecesOf(root: ParentNode, id: string): Element[] {
  return queryAll(root, `${HIGHLIGHT_TAG}[data-annotation-id="${CSS.escape(id)}"]`).filter(isHighlight);
}

export function restyleHighlight(root: ParentNode, style: HighlightStyle): void {
  for (const element of piecesOf(root, style.id)) element.setAttribute('class', className(style));
}

export function removeHighlight(root: ParentNode, id: string): void {
  const parents = new Set<Node>();
  for (const element of piecesOf(root, id)) {
    if (element.parentNode) parents.add(element.parentNode);
    unwrap(element);
  }
  // Rejoin split text nodes so that later drawing and selection see whole words.
  for (const parent of parents) parent.normalize();
}

export function removeAllHighlights(root: ParentNode): void {
  const ids = new Set<string>();
  for (const element of queryAll(root, HIGHLIGHT_SELECTOR).filter(isHighlight)) {
    ids.add(element.getAttribute('data-annotation-id') ?? '');
  }
  for (const id of ids) removeHighlight(root, id);
}

/** Ids drawn at the moment, to detect highlights that a page re-render threw away. */
export function drawnIds(root: ParentNode): Set<string> {
  const ids = new Set<string>();
  for (const element of queryAll(root, HIGHLIGHT_SELECTOR).filter(isHighlight)) {
    ids.add(element.getAttribute('data-annotation-id') ?? '');
  }
  return ids;
}
