import { Annotator } from '@/lib/annotator/annotator';
import { bindPageEvents } from '@/lib/annotator/events';
import {
  type AnnotatorHandle,
  annotatorLoaded,
  publishAnnotator,
  withdrawAnnotator,
} from '@/lib/annotator/handoff';
import { followSettings } from '@/lib/annotator/live-settings';
import { extensionLifetime } from '@/lib/lifetime';
import { listen, sendToBackground, type TabRequest, TabRequestSchema } from '@/lib/messaging';
import { isAnnotatablePage } from '@/lib/page-key';
import { currentColor, disabledSites, highlightsVisible } from '@/lib/settings';
import { isSiteOff, siteOf } from '@/lib/settings/sites';
import type { HighlightColor } from '@/lib/types';

// Injected on demand by the background when the boot script asks (see lib/boot).
export default defineContentScript({
  matches: ['<all_urls>'],
  registration: 'runtime',
  noScriptStartedPostMessage: true,
  // Highlight styles are injected by the background at the user origin (lib/highlight/styles.ts).
  async main() {
    if (!isAnnotatablePage(location.href) || !document.body || annotatorLoaded()) return;
    // Turned off for this site while the boot script was loading this: nothing to do.
    const site = siteOf(location.href);
    if (isSiteOff(await disabledSites.getValue(), site)) return;
    // Not WXT's ctx.signal: a page can end that one (see lib/lifetime).
    const lifetime = extensionLifetime(window, () => browser.runtime?.id !== undefined);
    // Turning Gloss off for the site ends all below and takes its highlights and UI out of
    // the page; the boot script answers again and brings a new annotator when it is back on.
    const siteOn = new AbortController();
    const signal = AbortSignal.any([lifetime, siteOn.signal]);

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
        ticket: (id, view, edit) => sendToBackground({ type: 'issueFrameTicket', id, view, edit }),
      },
      settings: {
        color: () => color,
        setColor: (next) => {
          color = next;
          void currentColor.setValue(next);
        },
        visible: await highlightsVisible.getValue(),
      },
      frameUrl: browser.runtime.getURL('/note-editor.html'),
      frameOrigin,
      newId: () => crypto.randomUUID(),
      signal,
    });
    signal.addEventListener('abort', () =>
      siteOn.signal.aborted ? annotator.remove() : annotator.destroy(),
    );
    const events = bindPageEvents(annotator, document, window, signal);
    // From here on this script answers messages itself; the boot script steps aside.
    const handle: AnnotatorHandle = {
      run: (action, range) => annotator.createFromSelection(action === 'note', range),
      selectionGesture: events.selectionGesture,
    };
    publishAnnotator(handle);
    signal.addEventListener('abort', () => withdrawAnnotator(handle));

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
    signal.addEventListener('abort', stop);
    signal.addEventListener(
      'abort',
      highlightsVisible.watch((visible) => annotator.setVisible(visible)),
    );
    await followSettings(
      {
        theme: (theme) => annotator.setTheme(theme),
        labels: (labels) => annotator.toolbar.setLabels(labels),
        marginNotes: (on) => annotator.setMarginNotes(on),
        color: (next) => {
          color = next;
          annotator.toolbar.refresh();
        },
        siteOff: () => siteOn.abort(),
      },
      site,
      signal,
    );
    if (signal.aborted) return;
    await annotator.refresh();
  },
});
