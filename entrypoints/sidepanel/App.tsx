import { useEffect, useState } from 'preact/hooks';
import { AnnotationItem } from '@/components/AnnotationItem';
import { ExportMenu } from '@/components/ExportMenu';
import { useLiveQuery } from '@/components/useLiveQuery';
import { getDatabase, listPage } from '@/lib/db';
import type { PageState } from '@/lib/messaging';
import { pageKey } from '@/lib/page-key';
import { annotationActions, askTab, sendToTab, targetTab } from '@/lib/pages/actions';
import { drafts } from '@/lib/pages/drafts';
import { exportAnnotations } from '@/lib/pages/export-download';
import { inDocumentOrder } from '@/lib/pages/order';

export function App() {
  const [tab, setTab] = useState<{ id?: number; key: string }>();
  const [state, setState] = useState<PageState>();
  const [message, setMessage] = useState<string>();

  useEffect(() => {
    const follow = () =>
      void targetTab().then((t) => setTab({ id: t?.id, key: t?.url ? pageKey(t.url) : '' }));
    follow();
    browser.tabs.onActivated.addListener(follow);
    const updated = (_id: number, change: { url?: string; status?: string }) =>
      (change.url || change.status === 'complete') && follow();
    browser.tabs.onUpdated.addListener(updated);
    return () => {
      browser.tabs.onActivated.removeListener(follow);
      browser.tabs.onUpdated.removeListener(updated);
    };
  }, []);

  const list = useLiveQuery(() => (tab?.key ? listPage(getDatabase(), tab.key) : []), [tab?.key]);
  useEffect(() => {
    // The page redraws after each change; ask for its statuses once it has.
    const timer = setTimeout(
      () => void askTab(tab?.id, (id) => sendToTab(id, { type: 'getPageState' })).then(setState),
      150,
    );
    return () => clearTimeout(timer);
  }, [list, tab?.id]);

  const ordered = inDocumentOrder(list ?? [], state?.order ?? []);
  const run = (work: Promise<unknown>) =>
    work.then(() => setMessage(undefined)).catch((e: Error) => setMessage(e.message));
  const toTab = (ask: (id: number) => Promise<boolean>) =>
    run(
      askTab(tab?.id, ask).then(
        (ok) => ok || Promise.reject(new Error('The page did not respond. Reload it and try again.')),
      ),
    );

  return (
    <main class="panel">
      <h1 class="title">This page</h1>
      {state?.problem && <p role="status">{state.problem}</p>}
      {message && (
        <p class="error" role="alert">
          {message}
        </p>
      )}
      {list && list.length === 0 && <p class="empty-note">No annotations on this page yet.</p>}
      {ordered.length > 0 && (
        <ExportMenu
          legend="Export this page"
          count={ordered.length}
          onExport={(format, choice) =>
            void run(Promise.resolve().then(() => exportAnnotations(format, ordered, choice)))
          }
        />
      )}
      <ul class="list" aria-label="Annotations in page order">
        {ordered.map((annotation) => {
          const status = state?.statuses[annotation.id];
          const id = annotation.id;
          return (
            <AnnotationItem
              key={id}
              annotation={annotation}
              status={status}
              actions={{
                onGo:
                  status?.kind === 'orphan' || status?.kind === 'failed'
                    ? undefined
                    : () => toTab((t) => sendToTab(t, { type: 'scrollToAnnotation', id })),
                onSave: (note, tags, baseNote) => annotationActions.save(id, note, tags, baseNote),
                drafts,
                onColor: (color) => void run(annotationActions.recolor(id, color)),
                onDelete: () => void run(annotationActions.remove(id)),
                onAccept:
                  status?.kind === 'fuzzy'
                    ? () => toTab((t) => sendToTab(t, { type: 'acceptAnchoredText', id }))
                    : undefined,
                onReattach:
                  status?.kind === 'orphan' || status?.kind === 'fuzzy'
                    ? () => toTab((t) => sendToTab(t, { type: 'reattachAnnotation', id }))
                    : undefined,
              }}
            />
          );
        })}
      </ul>
    </main>
  );
}
