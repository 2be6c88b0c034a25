/**
 * The library's filters: colour, tag, site, date range and "not found", each value with
 * how many annotations it would show together with the search and the other filters.
 * Tags can be renamed (or merged into another) from here.
 */
import { useContext, useState } from 'preact/hooks';
import type { Facet, LibraryQuery, LibraryResult } from '@/lib/library/query';
import { formatCount } from '@/lib/pages/import-report';
import { ColorLabelsContext, colorName } from '@/lib/settings/labels';
import type { HighlightColor } from '@/lib/types';
import { SWATCH_FILL } from '../ColorSwatches';
import { TagInput } from '../TagInput';

interface Props {
  query: LibraryQuery;
  onQuery: (query: LibraryQuery) => void;
  facets?: LibraryResult['facets'];
  onRenameTag: (from: string, to: string) => void;
  allTags: Facet[];
}

const toggle = <T,>(list: readonly T[], value: T, on: boolean) =>
  on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);

function FacetList({
  legend,
  facets,
  chosen,
  onToggle,
  render,
}: {
  legend: string;
  facets: Facet[];
  chosen: string[];
  onToggle: (value: string, on: boolean) => void;
  render?: (value: string) => preact.ComponentChildren;
}) {
  if (facets.length === 0) return null;
  return (
    <fieldset class="facet">
      <legend>{legend}</legend>
      <ul>
        {facets.map((f) => (
          <li key={f.value}>
            <label>
              <input
                type="checkbox"
                checked={chosen.includes(f.value)}
                onChange={(e) => onToggle(f.value, e.currentTarget.checked)}
              />
              <span class="facet-name">{render ? render(f.value) : f.value}</span>
              <span class="facet-count">{formatCount(f.count)}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function TagRename({
  allTags,
  onRename,
}: {
  allTags: Facet[];
  onRename: (from: string, to: string) => void;
}) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const target = to.replace(/,/g, ' ').trim();
  const merging = allTags.some((t) => t.value === target) && target !== from;
  if (allTags.length === 0) return null;
  return (
    <details class="facet tag-rename">
      <summary>Rename or merge a tag</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!from || !target || from === target) return;
          onRename(from, target);
          setTo('');
        }}
      >
        <label>
          Tag
          <select value={from} onChange={(e) => setFrom(e.currentTarget.value)}>
            <option value="">Choose…</option>
            {allTags.map((t) => (
              <option key={t.value} value={t.value}>
                {t.value} ({formatCount(t.count)})
              </option>
            ))}
          </select>
        </label>
        <TagInput id="rename-tag-to" label="New name" placeholder="new name" value={to} onInput={setTo} />
        <button type="submit" disabled={!from || !target || from === target}>
          {merging ? `Merge into “${target}”` : 'Rename'}
        </button>
      </form>
    </details>
  );
}

export function LibraryFilters({ query, onQuery, facets, onRenameTag, allTags }: Props) {
  const labels = useContext(ColorLabelsContext);
  const set = (changes: Partial<LibraryQuery>) => onQuery({ ...query, ...changes });
  return (
    <aside class="filters" aria-label="Filters">
      <FacetList
        legend="Colour"
        facets={facets?.colors ?? []}
        chosen={query.colors}
        onToggle={(value, on) => set({ colors: toggle(query.colors, value as HighlightColor, on) })}
        render={(value) => (
          <>
            <span
              class="dot"
              style={{ background: SWATCH_FILL[value as HighlightColor] }}
              aria-hidden="true"
            />
            {colorName(value as HighlightColor, labels)}
          </>
        )}
      />
      <FacetList
        legend="Tags"
        facets={facets?.tags ?? []}
        chosen={query.tags}
        onToggle={(value, on) => set({ tags: toggle(query.tags, value, on) })}
      />
      <TagRename allTags={allTags} onRename={onRenameTag} />
      <FacetList
        legend="Sites"
        facets={facets?.sites ?? []}
        chosen={query.sites}
        onToggle={(value, on) => set({ sites: toggle(query.sites, value, on) })}
      />
      <fieldset class="facet dates">
        <legend>Made between</legend>
        <label>
          From
          <input
            type="date"
            value={query.from ?? ''}
            onChange={(e) => set({ from: e.currentTarget.value || undefined })}
          />
        </label>
        <label>
          To
          <input
            type="date"
            value={query.to ?? ''}
            onChange={(e) => set({ to: e.currentTarget.value || undefined })}
          />
        </label>
      </fieldset>
      <label class="switch-row">
        <input
          type="checkbox"
          checked={!!query.orphansOnly}
          onChange={(e) => set({ orphansOnly: e.currentTarget.checked || undefined })}
        />
        Only passages not found on their page ({formatCount(facets?.orphans ?? 0)})
      </label>
    </aside>
  );
}
