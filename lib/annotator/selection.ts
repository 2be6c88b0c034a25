/**
 * Which selection Gloss may act on: a non-empty one in the page's text, not inside a form
 * field or an editable region (where `h` and `n` are the reader's typing) and not inside
 * Gloss's own UI. A selection inside an open shadow root is reported by the document as a
 * collapsed point at its host, so the real range is read through getComposedRanges.
 */
import { insideGlossUi } from '../anchoring';

export function isEditable(element: Element | null): boolean {
  if (!element) return false;
  if (element instanceof HTMLElement && element.isContentEditable) return true;
  return /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName);
}

const MAX_HOSTS = 64;

/**
 * Open shadow roots the selection may lie in: the document reports such a selection as a
 * collapsed point next to the host, so every host under that point's parent is offered
 * (and, for components nested in components, those inside their roots); getComposedRanges
 * ignores the roots the selection is not in.
 */
function openShadowRoots(outer: Range): ShadowRoot[] {
  const container = outer.commonAncestorContainer;
  const scope = container.nodeType === Node.ELEMENT_NODE ? (container as Element) : container.parentElement;
  if (!scope) return [];
  const roots: ShadowRoot[] = [];
  const collect = (within: ParentNode) => {
    for (const element of within.querySelectorAll('*')) {
      if (roots.length >= MAX_HOSTS) return;
      if (element.shadowRoot) roots.push(element.shadowRoot);
    }
  };
  if (scope.shadowRoot) roots.push(scope.shadowRoot);
  collect(scope);
  for (let i = 0; i < roots.length && roots.length < MAX_HOSTS; i++) collect(roots[i] as ShadowRoot);
  return roots;
}

/** The selected range, reaching into open shadow roots where the browser can say so. */
function selectedRange(doc: Document): Range | null {
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const outer = selection.getRangeAt(0);
  // A selection inside a shadow tree reads as collapsed in the document, yet has text.
  if (
    selection.isCollapsed &&
    selection.type === 'Range' &&
    typeof selection.getComposedRanges === 'function'
  ) {
    const roots = openShadowRoots(outer);
    const [composed] = roots.length ? selection.getComposedRanges({ shadowRoots: roots }) : [];
    if (!composed || composed.collapsed) return null;
    const range = doc.createRange();
    range.setStart(composed.startContainer, composed.startOffset);
    range.setEnd(composed.endContainer, composed.endOffset);
    return range;
  }
  return selection.isCollapsed ? null : outer;
}

export function usableSelectionRange(doc: Document): Range | null {
  const range = selectedRange(doc);
  if (!range || range.toString().trim() === '') return null;
  const container = range.commonAncestorContainer;
  const element = container.nodeType === Node.ELEMENT_NODE ? (container as Element) : container.parentElement;
  if (!element || insideGlossUi(element) || isEditable(element)) return null;
  const inPage = element.isConnected && (element.getRootNode() !== doc || !!doc.body?.contains(element));
  return inPage ? range : null;
}
