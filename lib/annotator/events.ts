/**
 * The reader's input in the page: selection gestures show the toolbar, `h` and `n` act on
 * the selection, a click on a highlight opens its card. Only trusted events count: a page
 * script can dispatch keydowns and clicks, but those carry `isTrusted === false`.
 */
import { highlightAt } from '../highlight';
import type { Annotator } from './annotator';
import { isEditable, usableSelectionRange } from './selection';

export function bindPageEvents(
  annotator: Annotator,
  doc: Document,
  win: Window,
  signal: AbortSignal,
): { selectionGesture: () => void } {
  const options = { capture: true, signal };
  let pending = 0;

  const updateToolbar = () => {
    win.clearTimeout(pending);
    pending = win.setTimeout(() => {
      const range = usableSelectionRange(doc);
      if (range) annotator.toolbar.show(range);
      else annotator.toolbar.hide();
    }, 120);
  };

  // A press starts a new selection: the toolbar goes at once and Gloss's UI lets the
  // pointer through until the button is released, so it never stands in the way of a drag.
  doc.addEventListener(
    'pointerdown',
    (event) => {
      if (!event.isTrusted || annotator.ownsEvent(event)) return;
      win.clearTimeout(pending);
      annotator.beginDrag();
    },
    options,
  );
  const release = (event: Event) => {
    if (!event.isTrusted) return;
    annotator.endDrag();
    updateToolbar();
  };
  doc.addEventListener('pointerup', release, options);
  doc.addEventListener('pointercancel', release, options);
  doc.addEventListener(
    'keyup',
    (event) => event.isTrusted && (event.shiftKey || event.key === 'Shift') && updateToolbar(),
    options,
  );
  doc.addEventListener(
    'selectionchange',
    () => {
      if (annotator.toolbar.visible && !usableSelectionRange(doc)) annotator.toolbar.hide();
    },
    { signal },
  );

  win.addEventListener(
    'keydown',
    (event) => {
      if (!event.isTrusted || event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
      if (event.key === 'Escape') {
        annotator.toolbar.hide();
        annotator.frames.closeCard();
        return;
      }
      const key = event.key.toLowerCase();
      if (key !== 'h' && key !== 'n') return;
      if (isEditable(doc.activeElement) || !usableSelectionRange(doc)) return;
      // The page's own shortcut for the same key must not fire as well.
      event.preventDefault();
      event.stopImmediatePropagation();
      void annotator.createFromSelection(key === 'n');
    },
    options,
  );

  doc.addEventListener(
    'click',
    (event) => {
      // composedPath reaches a highlight inside a shadow root; event.target stops at its host.
      const origin = event.composedPath()[0];
      if (!event.isTrusted || !(origin instanceof Element)) return;
      const piece = highlightAt(origin);
      const id = piece?.getAttribute('data-annotation-id');
      if (!id || !annotator.hasAnnotation(id) || !doc.getSelection()?.isCollapsed) return;
      annotator.openCard(id, false);
    },
    options,
  );

  let resizing = 0;
  win.addEventListener(
    'resize',
    () => {
      win.clearTimeout(resizing);
      resizing = win.setTimeout(() => annotator.layoutMargin(), 200);
    },
    { signal },
  );
  return { selectionGesture: updateToolbar };
}
