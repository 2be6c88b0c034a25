/** The library: every annotation, searchable, with export (all, search results or ticked ones) and import. */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { AnnotationItem } from '@/components/AnnotationItem';
import { ExportMenu } from '@/components/ExportMenu';
import { FileDrop } from '@/components/FileDrop';
import { ImportPanel } from '@/components/ImportPanel';
import { StorageLine } from '@/components/StorageLine';
import { useLiveQuery } from '@/components/useLiveQuery';
import { getDatabase, listAll, listAnchorStates } from '@/lib/db';
import { annotationActions } from '@/lib/pages/actions';
import { drafts } from '@/lib/pages/drafts';
import { exportAnnotations } from '@/lib/pages/export-download';
import { formatCount } from '@/lib/pages/import-report';
import { passageUrl } from '@/lib/pages/passage-url';
import { groupByPage, matchesQuery } from '@/lib/pages/search';
import { useStorageStatus } from '@/lib/pages/storage-status';
import { isBusy, useImport } from '@/lib/pages/use-import';
import { useSelection } from '@/lib/pages/use-selection';

type Scope = 'all' | 'filtered' | 'selected';

/** Rendering tens of thousands of items at once would freeze the page; more come on request. */
const PAGE_SIZE = 200;

export function App() {
  const all = useLiveQuery(() => listAll(getDatabase()), []);
  const states = useLiveQuery(() => listAnchorStates(getDatabase()), []);
  // Passages not found the last time their page was open: the reader re-attaches them there.
  const orphans = useMemo(
    () => new Set((states ?? []).filter((s) => s.kind === 'orphan').map((s) => s.id)),
    [states],
  );
  const [onlyOrphans, setOnlyOrphans] = useState(false);
  const [query, setQuery] = useState('');
  const [message, setMessage] = useState<string>();
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [scope, setScope] = useState<Scope>('all');
  const selection = useSelection();
  const imports = useImport();
  const storage = useStorageStatus();
  const filtered = useMemo(
    () => (all ?? []).filter((a) => matchesQuery(a, query) && (!onlyOrphans || orphans.has(a.id))),
    [all, query, onlyOrphans, orphans],
  );
  const groups = useMemo(() => groupByPage(filtered.slice(0, limit)), [filtered, limit]);
  const selected = useMemo(() => (all ?? []).filter((a) => selection.ids.has(a.id)), [all, selection.ids]);
  const lists = { all: all ?? [], filtered, selected };
  const run = (work: Promise<unknown>) =>
    work.then(() => setMessage(undefined)).catch((e: Error) => setMessage(e.message));

  // Ticking an item means "export these"; un-ticking the last one goes back to everything.
  const select = (ids: string[], on: boolean) => {
    selection.setMany(ids, on);
    if (on) setScope('selected');
  };
  useEffect(() => {
    if (selected.length === 0 && scope === 'selected') setScope(query ? 'filtered' : 'all');
  }, [selected.length]);

  const shownSelected = filtered.filter((a) => selection.ids.has(a.id)).length;
  const selectAll = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (selectAll.current)
      selectAll.current.indeterminate = shownSelected > 0 && shownSelected < filtered.length;
  }, [shownSelected, filtered.length]);

  return (
    <FileDrop onFiles={imports.start} disabled={isBusy(imports.state)} label="Drop the file to import it">
      <main class="library">
        <header class="toolbar-row">
          <h1 class="title">Gloss library</h1>
          <input
            type="search"
            class="search"
            aria-label="Search annotations"
            placeholder="Search quotes, notes, tags, pages"
            value={query}
            onInput={(e) => {
              setQuery(e.currentTarget.value);
              setLimit(PAGE_SIZE);
            }}
          />
          <span class="count" aria-live="polite">
            {all === undefined
              ? 'Loading…'
              : `${formatCount(filtered.length)} of ${formatCount(all.length)} annotations`}
          </span>
        </header>
        <div class="transfer">
          <ExportMenu
            legend="Export"
            count={lists[scope].length}
            scope={scope}
            onScope={setScope}
            scopes={[
              { value: 'all', label: 'All', count: lists.all.length },
              { value: 'filtered', label: 'Matching the search', count: filtered.length },
              { value: 'selected', label: 'Selected', count: selected.length },
            ]}
            onExport={(format, choice) =>
              void run(Promise.resolve().then(() => exportAnnotations(format, lists[scope], choice)))
            }
          />
          <ImportPanel state={imports.state} onFiles={imports.start} />
        </div>
        {message && (
          <p class="error" role="alert">
            {message}
          </p>
        )}
        <StorageLine status={storage.status} onAsk={() => void storage.ask()} />
        {all && all.length === 0 && (
          <p class="empty-note">Nothing yet. Highlight a passage on any page and it appears here.</p>
        )}
        <label class="switch-row">
          <input
            type="checkbox"
            checked={onlyOrphans}
            onChange={(e) => setOnlyOrphans(e.currentTarget.checked)}
          />
          Only passages not found on their page (
          {formatCount((all ?? []).filter((a) => orphans.has(a.id)).length)})
        </label>
        {filtered.length > 0 && (
          <label class="select-all">
            <input
              ref={selectAll}
              type="checkbox"
              checked={shownSelected > 0 && shownSelected === filtered.length}
              onChange={(e) =>
                select(
                  filtered.map((a) => a.id),
                  e.currentTarget.checked,
                )
              }
            />
            Select all shown ({formatCount(filtered.length)})
          </label>
        )}
        {groups.map((group) => (
          <section class="page-group" key={group.pageKey} aria-label={group.title}>
            <h2>{group.title}</h2>
            <a href={group.url} target="_blank" rel="noopener noreferrer">
              {group.url}
            </a>
            <ul class="list">
              {group.annotations.map((annotation) => (
                <AnnotationItem
                  key={annotation.id}
                  annotation={annotation}
                  status={orphans.has(annotation.id) ? { kind: 'orphan' } : undefined}
                  selection={{
                    checked: selection.ids.has(annotation.id),
                    onChange: (on) => select([annotation.id], on),
                  }}
                  actions={{
                    onGo: () => void browser.tabs.create({ url: passageUrl(annotation) }),
                    goLabel: 'Open the page at this passage',
                    onSave: (note, tags, baseNote) =>
                      annotationActions.save(annotation.id, note, tags, baseNote),
                    drafts,
                    onColor: (color) => void run(annotationActions.recolor(annotation.id, color)),
                    onDelete: () => void run(annotationActions.remove(annotation.id)),
                  }}
                />
              ))}
            </ul>
          </section>
        ))}
        {filtered.length > limit && (
          <button type="button" class="show-more" onClick={() => setLimit((n) => n + PAGE_SIZE)}>
            Show more ({formatCount(filtered.length - limit)} not shown yet)
          </button>
        )}
      </main>
    </FileDrop>
  );
}
