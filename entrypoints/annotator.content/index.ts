import { Annotator } from '@/lib/annotator/annotator';
import { bindPageEvents } from '@/lib/annotator/events';
import { annotatorLoaded, publishAnnotator } from '@/lib/annotator/handoff';
import { HIGHLIGHT_CSS } from '@/lib/highlight';
import { listen, sendToBackground, type TabRequest, TabRequestSchema } from '@/lib/messaging';
import { isAnnotatablePage } from '@/lib/page-key';
import { currentColor, highlightsVisible } from '@/lib/settings';
import type { HighlightColor } from '@/lib/types';

// Injected on demand by the background when the boot script asks (see lib/boot).
export default defineContentScript({
  matches: ['<all_urls>'],
  registration: 'runtime',
  async main(ctx) {
    if (!isAnnotatablePage(location.href) || !document.body || annotatorLoaded()) return;
    injectHighlightStyles();

    let color: HighlightColor = await currentColor.getValue();
    const frameOrigin = new URL(browser.runtime.getURL('/')).origin;
    const annotator = new Annotator({
      doc: document,
      win: window,
      store: {
        list: (pageKey) => sendToBackground({ type: 'getPageAnnotations', pageKey }),
        create: (annotation) => sendToBackground({ type: 'createAnnotation', annotation }),
        update: (id, changes) => sendToBackground({ type: 'updateAnnotation', id, changes }),
        restore: (annotation) => sendToBackground({ type: 'restoreAnnotation', annotation }),
        report: (pageKey, states) => sendToBackground({ type: 'reportAnchoring', pageKey, states }),
      },
      settings: {
        color: () => color,
        setColor: (next) => {
          color = next;
          void currentColor.setValue(next);
        },
        visible: await highlightsVisible.getValue(),
      },
      frameUrl: (params) => `${browser.runtime.getURL('/note-editor.html')}?${new URLSearchParams(params)}`,
      frameOrigin,
      newId: () => crypto.randomUUID(),
      signal: ctx.signal,
    });
    ctx.onInvalidated(() => annotator.destroy());
    const events = bindPageEvents(annotator, document, window, ctx.signal);
    // From here on this script answers messages itself; the boot script steps aside.
    publishAnnotator({
      run: (action, range) => annotator.createFromSelection(action === 'note', range),
      selectionGesture: events.selectionGesture,
    });

    const stop = listen<TabRequest>(
      TabRequestSchema,
      {
        annotationsChanged: async () => {
          await annotator.refresh();
          return true;
        },
        scrollToAnnotation: ({ id }) => annotator.scrollTo(id),
        openNote: ({ id }) => {
          annotator.scrollTo(id);
          annotator.openCard(id, true);
          return true;
        },
        setHighlightsVisible: ({ visible }) => {
          annotator.setVisible(visible);
          return true;
        },
        getPageState: () => annotator.state(),
        runAction: async ({ action }) => {
          await annotator.createFromSelection(action === 'note');
          return true;
        },
        reattachAnnotation: ({ id }) => annotator.reattach(id),
        acceptAnchoredText: ({ id }) => annotator.acceptAnchoredText(id),
      },
      (sender) => sender.id === browser.runtime.id && (!sender.url || sender.url.startsWith(frameOrigin)),
    );
    ctx.onInvalidated(stop);
    highlightsVisible.watch((visible) => annotator.setVisible(visible));
    await annotator.refresh();
    // A timing mark only (no content): lets tests and the bench measure load-to-drawn.
    performance.mark('gloss:first-draw');
  },
});

function injectHighlightStyles(): void {
  const style = document.createElement('style');
  style.setAttribute('data-gloss-ui', '');
  style.textContent = HIGHLIGHT_CSS;
  (document.head ?? document.documentElement).append(style);
}
