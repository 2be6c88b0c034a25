/**
 * The library: every annotation, searched and filtered by the search worker, shown in a
 * virtualised list, edited in place, changed in bulk, exported and imported. Every change
 * goes through the background and can be undone (toast or Ctrl+Z).
 */
import { useCallback, useContext, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { getDatabase, listAll } from '@/lib/db';
import { EMPTY_QUERY, isFiltered, type LibraryQuery, type LibrarySort } from '@/lib/library/query';
import { useLibrary } from '@/lib/library/use-library';
import { useRecords } from '@/lib/library/use-records';
import { drafts } from '@/lib/pages/drafts';
import { exportAnnotations } from '@/lib/pages/export-download';
import { formatCount } from '@/lib/pages/import-report';
import { passageUrl } from '@/lib/pages/passage-url';
import { useStorageStatus } from '@/lib/pages/storage-status';
import { TagSuggestionsContext } from '@/lib/pages/tag-suggestions';
import { useUndo } from '@/lib/pages/undo';
import { isBusy, useImport } from '@/lib/pages/use-import';
import { ColorLabelsContext } from '@/lib/settings/labels';
import { COLOR_LABELS } from '@/lib/types';
import { ExportMenu } from '../ExportMenu';
import { FileDrop } from '../FileDrop';
import { ImportPanel } from '../ImportPanel';
import { StorageLine } from '../StorageLine';
import { Toast } from '../Toast';
import { useLiveQuery } from '../useLiveQuery';
import { BulkBar } from './BulkBar';
import { LibraryFilters } from './LibraryFilters';
import { LibraryList } from './LibraryList';
import { LibraryRow } from './LibraryRow';
import { termPattern } from './MarkedText';

type Scope = 'all' | 'filtered' | 'selected';

const SORTS: { value: LibrarySort; label: string }[] = [
  { value: 'newest', label: 'Newest first' },
  { value: 'oldest', label: 'Oldest first' },
  { value: 'page', label: 'Page title' },
  { value: 'site', label: 'Site' },
  { value: 'color', label: 'Colour' },
];

const plural = (n: number) => `${formatCount(n)} ${n === 1 ? 'annotation' : 'annotations'}`;

export function Library() {
  const [query, setQuery] = useState<LibraryQuery>(EMPTY_QUERY);
  const [visible, setVisible] = useState<string[]>([]);
  const records = useRecords(visible);
  const library = useLibrary(query, records.invalidate);
  const result = library.result;
  const ids = result?.ids ?? [];
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const anchor = useRef<number | undefined>(undefined);
  const [editing, setEditing] = useState<string>();
  const [scope, setScope] = useState<Scope>('all');
  const undo = useUndo();
  const labels = useContext(ColorLabelsContext);
  const imports = useImport();
  const storage = useStorageStatus();
  const pattern = useMemo(
    () => (query.text.trim() ? termPattern(result?.terms ?? []) : undefined),
    [result?.terms, query.text],
  );
  const orphans = useOrphanLookup();

  const select = useCallback(
    (index: number, on: boolean, range: boolean) => {
      const from = range && anchor.current !== undefined ? Math.min(anchor.current, index) : index;
      const to = range && anchor.current !== undefined ? Math.max(anchor.current, index) : index;
      anchor.current = index;
      setSelected((current) => {
        const next = new Set(current);
        for (const id of ids.slice(from, to + 1)) on ? next.add(id) : next.delete(id);
        if (next.size > 0) setScope('selected');
        else setScope((s) => (s === 'selected' ? 'all' : s));
        return next;
      });
    },
    [ids],
  );
  const selectAll = (on: boolean) => {
    setSelected(on ? new Set(ids) : new Set());
    setScope(on ? 'selected' : 'all');
  };
  const clearSelection = () => selectAll(false);
  const selectedIds = [...selected];
  const shownSelected = useMemo(
    () => ids.reduce((n, id) => n + (selected.has(id) ? 1 : 0), 0),
    [ids, selected],
  );

  const exportScope = async (format: Parameters<typeof exportAnnotations>[0], frontMatter: boolean) => {
    const list =
      scope === 'all'
        ? await listAll(getDatabase())
        : await records.readMany(scope === 'selected' ? selectedIds : ids);
    exportAnnotations(format, list, { frontMatter, labels });
  };
  const counts = { all: result?.total ?? 0, filtered: ids.length, selected: selected.size };

  return (
    <TagSuggestionsContext.Provider value={library.tags.map((t) => t.value)}>
      <FileDrop onFiles={imports.start} disabled={isBusy(imports.state)} label="Drop the file to import it">
        <div class="library">
          <header class="toolbar-row">
            <h1 class="title">Gloss library</h1>
            <input
              type="search"
              class="search"
              aria-label="Search annotations"
              placeholder="Search quotes, notes, tags, pages"
              value={query.text}
              onInput={(e) => setQuery({ ...query, text: e.currentTarget.value })}
            />
            <label class="sort">
              Sort
              <select
                value={query.sort}
                onChange={(e) => setQuery({ ...query, sort: e.currentTarget.value as LibrarySort })}
              >
                {SORTS.map((s) => (
                  <option key={s.value} value={s.value}>
                    {s.label}
                  </option>
                ))}
              </select>
            </label>
            <span class="count" aria-live="polite">
              {result === undefined || (library.pending && result.seq < 0)
                ? 'Loading…'
                : `${formatCount(ids.length)} of ${formatCount(result.total)} annotations`}
              {result && result.seq >= 0 && result.indexed < 1
                ? ` · preparing search: ${Math.floor(result.indexed * 100)}%`
                : ''}
            </span>
            {isFiltered(query) && (
              <button type="button" onClick={() => setQuery({ ...EMPTY_QUERY, sort: query.sort })}>
                Clear filters
              </button>
            )}
          </header>
          <LibraryFilters
            query={query}
            onQuery={setQuery}
            facets={result?.facets}
            allTags={library.tags}
            onRenameTag={(from, to) =>
              void undo.change(undefined, { kind: 'renameTag', from, to }, `Renamed tag “${from}” to “${to}”`)
            }
          />
          <main class="library-main">
            <div class="transfer">
              <ExportMenu
                legend="Export"
                count={counts[scope]}
                scope={scope}
                onScope={setScope}
                scopes={[
                  { value: 'all', label: 'All', count: counts.all },
                  { value: 'filtered', label: 'Matching the search', count: counts.filtered },
                  { value: 'selected', label: 'Selected', count: counts.selected },
                ]}
                onExport={(format, choice) => void exportScope(format, choice.frontMatter)}
              />
              <ImportPanel state={imports.state} onFiles={imports.start} />
            </div>
            {library.error && (
              <p class="error" role="alert">
                {library.error}
              </p>
            )}
            <StorageLine status={storage.status} onAsk={() => void storage.ask()} />
            {result && result.total === 0 && !library.pending && (
              <p class="empty-note">Nothing yet. Highlight a passage on any page and it appears here.</p>
            )}
            {ids.length > 0 && (
              <label class="select-all">
                <input
                  type="checkbox"
                  checked={shownSelected > 0 && shownSelected === ids.length}
                  ref={(box) => {
                    if (box) box.indeterminate = shownSelected > 0 && shownSelected < ids.length;
                  }}
                  onChange={(e) => selectAll(e.currentTarget.checked)}
                />
                Select all shown ({formatCount(ids.length)})
              </label>
            )}
            <BulkBar
              count={selected.size}
              onClear={clearSelection}
              onAddTags={(tags) =>
                void undo.change(selectedIds, { kind: 'addTags', tags }, `Tagged ${plural(selected.size)}`)
              }
              onRemoveTags={(tags) =>
                void undo.change(
                  selectedIds,
                  { kind: 'removeTags', tags },
                  `Removed tags from ${plural(selected.size)}`,
                )
              }
              onColor={(color) =>
                void undo.change(
                  selectedIds,
                  { kind: 'color', color },
                  `Recoloured ${plural(selected.size)} ${COLOR_LABELS[color]}`,
                )
              }
              onDelete={() => {
                const n = selected.size;
                void undo
                  .change(selectedIds, { kind: 'delete' }, `Deleted ${plural(n)}`)
                  .then(clearSelection);
              }}
            />
            {result && (
              <LibraryList
                ids={ids}
                groups={result.groups}
                record={records.get}
                onVisible={setVisible}
                renderItem={(annotation, index) => (
                  <LibraryRow
                    annotation={annotation}
                    selected={selected.has(annotation.id)}
                    editing={editing === annotation.id}
                    orphan={orphans(annotation.id)}
                    pattern={pattern}
                    actions={{
                      drafts,
                      onSelect: (on, range) => select(index, on, range),
                      onOpen: () => void browser.tabs.create({ url: passageUrl(annotation) }),
                      onEdit: (on) => setEditing(on ? annotation.id : undefined),
                      onSave: async (note, tags, baseNote) => {
                        await undo.change(
                          [annotation.id],
                          { kind: 'update', changes: { note, tags }, expectedNote: baseNote },
                          'Edited the note',
                          true,
                        );
                      },
                      onColor: (color) =>
                        void undo.change(
                          [annotation.id],
                          { kind: 'color', color },
                          `Recoloured ${COLOR_LABELS[color]}`,
                        ),
                      onDelete: () =>
                        void undo.change([annotation.id], { kind: 'delete' }, 'Deleted 1 annotation'),
                      onTag: (tag) =>
                        setQuery({
                          ...query,
                          tags: query.tags.includes(tag) ? query.tags : [...query.tags, tag],
                        }),
                    }}
                  />
                )}
              />
            )}
          </main>
          {undo.toast && (
            <Toast
              message={undo.toast.message}
              tone={undo.toast.tone}
              actionLabel={undo.toast.canUndo ? 'Undo' : undefined}
              onAction={() => void undo.undo()}
            />
          )}
        </div>
      </FileDrop>
    </TagSuggestionsContext.Provider>
  );
}

/** Whether an annotation was not found the last time its page was open. */
function useOrphanLookup(): (id: string) => boolean {
  const ids = useLiveQuery(() => getDatabase().anchorStates.where('kind').equals('orphan').primaryKeys(), []);
  const set = useMemo(() => new Set(ids ?? []), [ids]);
  return (id) => set.has(id);
}
