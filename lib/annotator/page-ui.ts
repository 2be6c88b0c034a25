/**
 * Gloss's own elements inside the page: one host element with a shadow root, so that page
 * styles cannot reach in. The root is open on purpose: nothing secret is rendered here (no
 * note text; notes live in extension-origin frames, see note-frames.ts), and its buttons
 * ignore the untrusted clicks a page script could send them, so closing it would only hide
 * Gloss's UI from accessibility and test tools, not from an attacker.
 */
import { GLOSS_UI_ATTRIBUTE } from '../anchoring';
import { PAGE_UI_CSS } from './page-ui-css';

export interface PageUi {
  /** A layer positioned over the document, for toolbars, markers and frames. */
  layer: HTMLElement;
  destroy(): void;
}

export function createPageUi(doc: Document): PageUi {
  const host = doc.createElement('gloss-ui');
  host.setAttribute(GLOSS_UI_ATTRIBUTE, '');
  host.style.cssText =
    'all: initial !important; position: absolute !important; top: 0 !important; left: 0 !important; width: 0 !important; height: 0 !important; z-index: 2147483646 !important; display: block !important;';
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = PAGE_UI_CSS;
  const layer = doc.createElement('div');
  layer.className = 'layer';
  shadow.append(style, layer);
  doc.documentElement.append(host);
  return { layer, destroy: () => host.remove() };
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
