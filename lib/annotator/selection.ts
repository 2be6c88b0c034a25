/**
 * Which selection Gloss may act on: a non-empty one in the page's text, not inside a form
 * field or an editable region (where `h` and `n` are the reader's typing) and not inside
 * Gloss's own UI.
 */
import { GLOSS_UI_ATTRIBUTE } from '../anchoring';

export function isEditable(element: Element | null): boolean {
  if (!element) return false;
  if (element instanceof HTMLElement && element.isContentEditable) return true;
  return /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName);
}

export function usableSelectionRange(doc: Document): Range | null {
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (range.toString().trim() === '') return null;
  const container = range.commonAncestorContainer;
  const element = container.nodeType === Node.ELEMENT_NODE ? (container as Element) : container.parentElement;
  if (!element || element.closest(`[${GLOSS_UI_ATTRIBUTE}]`) || isEditable(element)) return null;
  if (!doc.body?.contains(element) && element !== doc.body) return null;
  return range;
}
