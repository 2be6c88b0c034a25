/**
 * Gloss's own elements inside the page: one host with a closed shadow root.
 *
 * Trust boundary: page scripts run first and share this DOM. The host is a plain <div>
 * (a name without a hyphen cannot be taken by a page's custom element definition, which
 * could run page code on it or make `attachShadow` throw), and its root is closed, so page
 * scripts cannot reach the toolbar, the toast or the note frames through the DOM; only
 * this content script holds the reference. Styles come from a constructed stylesheet,
 * which a page's `style-src` CSP does not block, with a <style> element as the fallback
 * where adoptedStyleSheets is missing. Shown by tests/e2e/hostile-page.e2e.ts.
 */
import { markGlossUi } from '../anchoring';
import { PAGE_UI_CSS } from './page-ui-css';

export interface PageUi {
  /** A layer positioned over the document, for toolbars, markers and frames. */
  layer: HTMLElement;
  /** Whether `event` happened inside Gloss's UI (its path crosses the host). */
  contains(event: Event): boolean;
  /**
   * While the reader drags a selection, Gloss's UI lets the pointer through: a toolbar or
   * marker under the pointer would otherwise end the drag on Gloss instead of on the text.
   */
  passThrough(on: boolean): void;
  destroy(): void;
}

const HOST_STYLE: Record<string, string> = {
  all: 'initial',
  position: 'absolute',
  top: '0',
  left: '0',
  width: '0',
  height: '0',
  'z-index': '2147483646',
  display: 'block',
};

function adoptStyles(shadow: ShadowRoot, doc: Document): void {
  const win = doc.defaultView;
  try {
    if (win && 'adoptedStyleSheets' in shadow) {
      const sheet = new win.CSSStyleSheet();
      sheet.replaceSync(PAGE_UI_CSS);
      shadow.adoptedStyleSheets = [sheet];
      return;
    }
  } catch {
    // Fall through to a <style> element (older engines, cross-compartment quirks).
  }
  const style = doc.createElement('style');
  style.textContent = PAGE_UI_CSS;
  shadow.prepend(style);
}

export function createPageUi(doc: Document): PageUi {
  const host = doc.createElement('div');
  markGlossUi(host);
  // Set through CSSOM, which a `style-src 'none'` CSP allows (a style attribute it blocks).
  for (const [name, value] of Object.entries(HOST_STYLE)) host.style.setProperty(name, value, 'important');
  const shadow = host.attachShadow({ mode: 'closed' });
  const layer = doc.createElement('div');
  layer.className = 'layer';
  shadow.append(layer);
  adoptStyles(shadow, doc);
  doc.documentElement.append(host);
  return {
    layer,
    contains: (event) => event.composedPath().includes(host),
    passThrough: (on) => layer.style.setProperty('pointer-events', on ? 'none' : ''),
    destroy: () => host.remove(),
  };
}

/** Document coordinates of a viewport rectangle. */
export function toDocument(
  rect: DOMRect,
  win: Window,
): { top: number; left: number; bottom: number; right: number } {
  return {
    top: rect.top + win.scrollY,
    bottom: rect.bottom + win.scrollY,
    left: rect.left + win.scrollX,
    right: rect.right + win.scrollX,
  };
}
