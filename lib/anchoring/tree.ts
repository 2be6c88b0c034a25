/**
 * Which nodes hold text a reader can select, in the order the reader sees them: the light
 * DOM, open shadow roots in place of their host's children (slots filled with what is
 * assigned to them) and same-origin iframes in place of the iframe element. Text a reader
 * cannot select is left out: scripts, styles, noscript fallbacks, templates, form fields
 * and Gloss's own UI. Kept apart from the text model so that describing a selection and
 * building the model walk the page the same way.
 */

/** Elements that Gloss adds to pages carry this attribute so that their text is never modelled. */
export const GLOSS_UI_ATTRIBUTE = 'data-gloss-ui';

/**
 * The attribute only finds candidates quickly; what counts is identity. A page can put the
 * attribute on its own article to hide it from Gloss (switching Gloss off there), so only
 * elements Gloss registered here, a set the page's scripts cannot reach, are left out.
 */
const ownUi = new WeakSet<Element>();

/** Registers an element Gloss added to the page (its UI host), whose text is never modelled. */
export function markGlossUi(element: Element): void {
  element.setAttribute(GLOSS_UI_ATTRIBUTE, '');
  ownUi.add(element);
}

export function isGlossUi(element: Element): boolean {
  return ownUi.has(element);
}

/** Whether `element` is Gloss's UI or inside it. */
export function insideGlossUi(element: Element): boolean {
  for (
    let at = element.closest(`[${GLOSS_UI_ATTRIBUTE}]`);
    at;
    at = at.parentElement?.closest(`[${GLOSS_UI_ATTRIBUTE}]`) ?? null
  )
    if (ownUi.has(at)) return true;
  return false;
}

export const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'SELECT',
  'TITLE',
  'HEAD',
  'script',
  'style',
]);

/** Elements whose edges separate words even when the markup has no whitespace there. */
export const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'BR',
  'CAPTION',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'IFRAME',
  'LEGEND',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'OPTION',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

export function isBlock(element: Element): boolean {
  return BLOCKS.has(element.tagName);
}

/** False for elements whose whole subtree holds no selectable page text. */
export function isReadable(element: Element): boolean {
  return !SKIPPED.has(element.tagName) && !(element.hasAttribute(GLOSS_UI_ATTRIBUTE) && ownUi.has(element));
}

/** The document of a same-origin iframe, or null when it is cross-origin or not loaded. */
function frameDocument(element: Element): Document | null {
  try {
    return (element as HTMLIFrameElement).contentDocument ?? null;
  } catch {
    return null;
  }
}

/**
 * The children of `node` in reading order when they differ from `childNodes`: a shadow
 * root's, a slot's assigned nodes, an iframe's body. Null means "use the light children".
 */
export function composedChildren(node: Node): ArrayLike<Node> | null {
  if (node.nodeType !== 1) return null;
  const element = node as Element;
  const shadow = element.shadowRoot;
  if (shadow) return shadow.childNodes;
  const tag = element.tagName;
  if (tag === 'SLOT') {
    const assigned = (element as HTMLSlotElement).assignedNodes?.() ?? [];
    return assigned.length > 0 ? assigned : null;
  }
  if (tag === 'IFRAME' || tag === 'FRAME') {
    const doc = frameDocument(element);
    return doc?.body ? [doc.body] : [];
  }
  return null;
}

/** The node whose children list holds `node` in reading order (slot, shadow host, iframe). */
export function composedParent(node: Node): Node | null {
  const slot = (node as Element | Text).assignedSlot;
  if (slot) return slot;
  const parent = node.parentNode;
  if (!parent) {
    const view = (node as Document).defaultView;
    return node.nodeType === 9 && view ? (view.frameElement ?? null) : null;
  }
  if (parent.nodeType === 11) return (parent as ShadowRoot).host ?? null;
  return parent;
}
