/**
 * Drawing, recolouring and removing highlights; the only module that imports mark.js.
 * Each highlight is its own markRanges call because within one call mark.js silently drops
 * ranges that overlap an earlier one, and overlapping highlights must all be visible.
 * Elements are a custom tag so that page styles for <mark> or <span> cannot restyle them.
 */
import Mark from 'mark.js';
import type { HighlightColor } from '../types';
import { type HighlightPlan, MARK_EXCLUDE } from './plan';

export const HIGHLIGHT_TAG = 'gloss-highlight';
const BLOCK_NEIGHBOURS =
  /^(P|DIV|LI|UL|OL|TABLE|TBODY|THEAD|TR|TD|TH|H[1-6]|SECTION|ARTICLE|BLOCKQUOTE|PRE|DL|DT|DD|FIGURE|HEADER|FOOTER|MAIN|NAV|ASIDE|HR|BR)$/;

export interface HighlightStyle {
  id: string;
  color: HighlightColor;
  hasNote: boolean;
}

function className(style: HighlightStyle): string {
  return `gloss-hl gloss-hl-${style.color}${style.hasNote ? ' gloss-hl-note' : ''}`;
}

/** The nearest sibling that is not an empty text node (mark.js leaves those around its wraps). */
function neighbour(node: Node, forward: boolean): Node | null {
  let next = forward ? node.nextSibling : node.previousSibling;
  while (next && next.nodeType === Node.TEXT_NODE && (next as Text).data === '') {
    next = forward ? next.nextSibling : next.previousSibling;
  }
  return next;
}

function isBlock(node: Node | null): boolean {
  return (
    node !== null && node.nodeType === Node.ELEMENT_NODE && BLOCK_NEIGHBOURS.test((node as Element).tagName)
  );
}

function unwrap(element: Element): void {
  const parent = element.parentNode;
  if (!parent) return;
  while (element.firstChild) parent.insertBefore(element.firstChild, element);
  parent.removeChild(element);
}

/** mark.js also wraps the whitespace between blocks, which would paint stray boxes in lists and tables. */
function dropBlockGapMarks(elements: Element[]): Element[] {
  return elements.filter((element) => {
    const whitespaceOnly = (element.textContent ?? '').trim() === '';
    if (whitespaceOnly && (isBlock(neighbour(element, false)) || isBlock(neighbour(element, true)))) {
      unwrap(element);
      return false;
    }
    return true;
  });
}

export function drawHighlight(plan: HighlightPlan, style: HighlightStyle): Element[] {
  const created: Element[] = [];
  new Mark(plan.context as HTMLElement).markRanges([{ start: plan.start, length: plan.length }], {
    element: HIGHLIGHT_TAG,
    className: className(style),
    exclude: MARK_EXCLUDE,
    each: (element: Element) => {
      element.setAttribute('data-annotation-id', style.id);
      created.push(element);
    },
  });
  return dropBlockGapMarks(created);
}

function piecesOf(root: ParentNode, id: string): Element[] {
  return [...root.querySelectorAll(`${HIGHLIGHT_TAG}[data-annotation-id="${CSS.escape(id)}"]`)];
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
  for (const element of root.querySelectorAll(`${HIGHLIGHT_TAG}[data-annotation-id]`)) {
    ids.add(element.getAttribute('data-annotation-id') ?? '');
  }
  for (const id of ids) removeHighlight(root, id);
}

/** Ids drawn at the moment, to detect highlights that a page re-render threw away. */
export function drawnIds(root: ParentNode): Set<string> {
  const ids = new Set<string>();
  for (const element of root.querySelectorAll(`${HIGHLIGHT_TAG}[data-annotation-id]`)) {
    ids.add(element.getAttribute('data-annotation-id') ?? '');
  }
  return ids;
}
