/**
 * The side panel: the annotations of the tab it follows (lib/pages/followed-tab.ts), under
 * the page's title. Deletes, recolours and note edits go through the undo hook, so each can
 * be taken back from the toast or with Ctrl+Z (Cmd+Z); the page redraws after each, as the
 * background tells it to.
 */
import { useContext, useEffect, useState } from 'preact/hooks';
import { askTab, sendToTab } from '@/lib/pages/actions';
import { drafts } from '@/lib/pages/drafts';
import { exportAnnotations } from '@/lib/pages/export-download';
import { useFollowedTab } from '@/lib/pages/followed-tab';
import { TagSuggestionsContext, useTagSuggestions } from '@/lib/pages/tag-suggestions';
import { useUndo } from '@/lib/pages/undo';
import { ColorLabelsContext, colorName } from '@/lib/settings/labels';
import type { AnchorStatus, Annotation } from '@/lib/types';
import type { ItemActions } from './AnnotationItem';
import { ExportMenu } from './ExportMenu';
import { PanelList } from './PanelList';
import { SyncState } from './SyncState';
import { Toast } from './Toast';
import { usePanelPage } from './usePanelPage';

/** How long a message stays; Ctrl+Z undoes after it has gone, too. */
const TOAST_MS = 10_000;

const UNDO_KEY = /Mac/.test(navigator.userAgent) ? 'Cmd' : 'Ctrl';

const sameTags = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((tag, i) => tag === b[i]);

/** Refused saves keep the editor open with the text (NoteCard); the toast says why. */
class NotSaved extends Error {}

export function SidePanel() {
  const tab = useFollowedTab();
  const { annotations, state } = usePanelPage(tab);
  const { change, undo, toast, dismiss } = useUndo();
  const tagCounts = useTagSuggestions();
  const labels = useContext(ColorLabelsContext);
  const [message, setMessage] = useState<string>();

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(dismiss, TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast]);

  const run = (work: Promise<unknown>) =>
    work.then(() => setMessage(undefined)).catch((e: Error) => setMessage(e.message));
  const toTab = (ask: (id: number) => Promise<boolean>) =>
    run(
      askTab(tab?.id, ask).then(
        (ok) => ok || Promise.reject(new Error('The page did not respond. Reload it and try again.')),
      ),
    );

  const saveNote = async (annotation: Annotation, note: string, tags: string[], baseNote: string) => {
    if (note === annotation.note && sameTags(tags, annotation.tags)) return;
    // Refused in the background's transaction when the stored note moved away from `baseNote`.
    const changed = await change(
      [annotation.id],
      { kind: 'update', changes: { note, tags }, expectedNote: baseNote },
      note === annotation.note ? 'Changed the tags' : 'Edited the note',
    );
    if (changed === 0) throw new NotSaved();
  };

  const actionsFor = (annotation: Annotation, status: AnchorStatus | undefined): ItemActions => {
    const id = annotation.id;
    const placed = status?.kind !== 'orphan' && status?.kind !== 'failed';
    return {
      onGo: placed ? () => toTab((t) => sendToTab(t, { type: 'scrollToAnnotation', id })) : undefined,
      goLabel: 'Show in page',
      onSave: (note, tags, baseNote) => saveNote(annotation, note, tags, baseNote),
      drafts,
      onColor: (color) =>
        void change([id], { kind: 'color', color }, `Changed the colour to ${colorName(color, labels)}`),
      onDelete: () => void change([id], { kind: 'delete' }, 'Deleted 1 annotation'),
      onAccept:
        status?.kind === 'fuzzy'
          ? () => toTab((t) => sendToTab(t, { type: 'acceptAnchoredText', id }))
          : undefined,
      onReattach:
        status?.kind === 'orphan' || status?.kind === 'fuzzy'
          ? () => toTab((t) => sendToTab(t, { type: 'reattachAnnotation', id }))
          : undefined,
    };
  };

  const list = annotations ?? [];
  const title = tab?.title?.trim() || list[0]?.title || 'This page';
  const suggestions = tagCounts.map((t) => t.tag);

  return (
    <TagSuggestionsContext.Provider value={suggestions}>
      <main class="panel">
        <header class="panel-head">
          <p class="panel-eyebrow">Annotations on</p>
          <h1 class="title">{title}</h1>
          <SyncState />
        </header>
        {state?.problem && <p role="status">{state.problem}</p>}
        {message && (
          <p class="error" role="alert">
            {message}
          </p>
        )}
        {annotations && list.length === 0 && <p class="empty-note">No annotations on this page yet.</p>}
        {list.length > 0 && (
          <>
            <ExportMenu
              legend="Export this page"
              count={list.length}
              onExport={(format, choice) =>
                void run(Promise.resolve().then(() => exportAnnotations(format, list, { ...choice, labels })))
              }
            />
            <p id="panel-keys" class="panel-keys">
              <kbd>j</kbd>/<kbd>k</kbd> or arrows move, <kbd>Enter</kbd> shows the passage, <kbd>e</kbd>{' '}
              edits, <kbd>Delete</kbd> deletes, <kbd>{UNDO_KEY}</kbd>+<kbd>Z</kbd> undoes.
            </p>
            <PanelList
              annotations={list}
              statuses={state?.statuses ?? {}}
              actionsFor={actionsFor}
              describedBy="panel-keys"
            />
          </>
        )}
        {toast && (
          <Toast
            message={toast.message}
            tone={toast.tone}
            actionLabel={toast.canUndo ? 'Undo' : undefined}
            onAction={() => void undo()}
          />
        )}
      </main>
    </TagSuggestionsContext.Provider>
  );
}
