import { useContext, useEffect, useState } from 'preact/hooks';
import { AnnotationItem } from '@/components/AnnotationItem';
import { ExportMenu } from '@/components/ExportMenu';
import { SiteSwitch } from '@/components/SiteSwitch';
import { SyncState } from '@/components/SyncState';
import { Toast } from '@/components/Toast';
import { useLiveQuery } from '@/components/useLiveQuery';
import { getDatabase, listPage } from '@/lib/db';
import { isAnnotatablePage, pageKey } from '@/lib/page-key';
import { askTab, openLibrary, openSidePanel, sendToTab, targetTab } from '@/lib/pages/actions';
import { drafts } from '@/lib/pages/drafts';
import { exportAnnotations } from '@/lib/pages/export-download';
import { useUndo } from '@/lib/pages/undo';
import { disabledSites, highlightsVisible, setSiteOff } from '@/lib/settings';
import { ColorLabelsContext } from '@/lib/settings/labels';
import { isSiteOff, siteOf } from '@/lib/settings/sites';
import { useSetting } from '@/lib/settings/use-setting';
import { COLOR_LABELS } from '@/lib/types';

export function App() {
  const labels = useContext(ColorLabelsContext);
  const undo = useUndo();
  const [key, setKey] = useState<string>();
  const [windowId, setWindowId] = useState<number>();
  const [visible, setVisible] = useState(true);
  const [problem, setProblem] = useState<string>();
  const [site, setSite] = useState('');
  const sitesOff = useSetting(disabledSites);
  useEffect(() => {
    void targetTab().then((tab) => {
      setKey(tab?.url ? pageKey(tab.url) : '');
      setSite(tab?.url && isAnnotatablePage(tab.url) ? siteOf(tab.url) : '');
      setWindowId(tab?.windowId);
      // Only to say so when the page could not be fully read; a tab with no Gloss answers nothing.
      void askTab(tab?.id, (id) => sendToTab(id, { type: 'getPageState' })).then((state) =>
        setProblem(state?.problem),
      );
    });
    void highlightsVisible.getValue().then(setVisible);
  }, []);
  const list = useLiveQuery(
    async () =>
      key ? (await listPage(getDatabase(), key)).sort((a, b) => b.created.localeCompare(a.created)) : [],
    [key],
  );
  const toggle = (next: boolean) => {
    setVisible(next);
    void highlightsVisible.setValue(next);
  };
  const siteOff = isSiteOff(sitesOff, site);

  return (
    <main class="popup">
      <header class="toolbar-row">
        <h1 class="title">Gloss</h1>
        <span class="count" aria-live="polite">
          {list === undefined ? '' : `${list.length} on this page`}
        </span>
      </header>
      <SyncState />
      {problem && !siteOff && <p role="status">{problem}</p>}
      {!siteOff && (
        <label class="switch-row">
          <input
            type="checkbox"
            role="switch"
            aria-checked={visible}
            checked={visible}
            onChange={(e) => toggle(e.currentTarget.checked)}
          />
          Show highlights on the page
        </label>
      )}
      {site && sitesOff !== undefined && (
        <SiteSwitch site={site} off={siteOff} onTurn={(off) => void setSiteOff(site, off)} />
      )}
      <div class="toolbar-row">
        <button type="button" onClick={() => void openSidePanel(windowId).then(() => window.close())}>
          Open side panel
        </button>
        <button type="button" onClick={() => void openLibrary().then(() => window.close())}>
          Open library
        </button>
      </div>
      {list && list.length === 0 && (
        <p class="empty-note">Select text on the page and press H to highlight, N to add a note.</p>
      )}
      {list && list.length > 0 && (
        <ExportMenu
          legend="Export this page"
          count={list.length}
          onExport={(format, choice) => exportAnnotations(format, list, { ...choice, labels })}
        />
      )}
      <ul class="list" aria-label="Annotations on this page">
        {list?.map((annotation) => (
          <AnnotationItem
            key={annotation.id}
            annotation={annotation}
            actions={{
              onSave: async (note, tags, baseNote) => {
                await undo.change(
                  [annotation.id],
                  { kind: 'update', changes: { note, tags }, expectedNote: baseNote },
                  'Edited the note',
                  true,
                );
              },
              drafts,
              onColor: (color) =>
                void undo.change(
                  [annotation.id],
                  { kind: 'color', color },
                  `Recoloured ${COLOR_LABELS[color]}`,
                ),
              onDelete: () => void undo.change([annotation.id], { kind: 'delete' }, 'Deleted 1 annotation'),
            }}
          />
        ))}
      </ul>
      {undo.toast && (
        <Toast
          message={undo.toast.message}
          tone={undo.toast.tone}
          actionLabel={undo.toast.canUndo ? 'Undo' : undefined}
          onAction={() => void undo.undo()}
        />
      )}
    </main>
  );
}
