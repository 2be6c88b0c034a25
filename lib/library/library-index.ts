/**
 * The library's view of every annotation: a small entry per annotation (no quote or note
 * text, which live only in MiniSearch's inverted index) kept newest first, and a MiniSearch
 * index kept in step record by record. A query filters, counts and groups in one pass over
 * the entries, so its cost grows with the library but never re-reads the database.
 */
import MiniSearch from 'minisearch';
import { type Annotation, HIGHLIGHT_COLORS, type HighlightColor } from '../types';
import type { Facet, LibraryQuery, LibraryResult, ResultGroup } from './query';

interface Entry {
  id: string;
  pageKey: string;
  url: string;
  title: string;
  site: string;
  color: HighlightColor;
  tags: string[];
  created: string;
  day: string;
}

interface SearchDoc {
  id: string;
  quote: string;
  note: string;
  tags: string;
  title: string;
  site: string;
}

/** Facet lists longer than this show their most used values only. */
const FACET_LIMIT = 200;
const MAX_TERMS = 300;

export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

const pad = (n: number) => String(n).padStart(2, '0');
/** The reader's calendar day of an ISO date. */
export function localDay(iso: string): string {
  const date = new Date(iso);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const newerFirst = (a: Entry, b: Entry) =>
  a.created !== b.created ? (a.created < b.created ? 1 : -1) : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;

const toEntry = (a: Annotation): Entry => ({
  id: a.id,
  pageKey: a.pageKey,
  url: a.url,
  title: a.title || a.url,
  site: siteOf(a.url),
  color: a.color,
  tags: a.tags,
  created: a.created,
  day: localDay(a.created),
});

const toDoc = (a: Annotation, entry: Entry): SearchDoc => ({
  id: a.id,
  quote: a.target.quote.exact,
  note: a.note,
  tags: a.tags.join(' '),
  title: entry.title,
  site: entry.site,
});

const createSearch = () =>
  new MiniSearch<SearchDoc>({
    fields: ['quote', 'note', 'tags', 'title', 'site'],
    idField: 'id',
    searchOptions: {
      prefix: true,
      // Typos are forgiven in longer words only: in short ones they match too much.
      fuzzy: (term) => (term.length > 4 ? 0.2 : false),
      combineWith: 'AND',
      boost: { quote: 2, note: 1.5, tags: 1.5 },
    },
  });

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export class LibraryIndex {
  private readonly byId = new Map<string, Entry>();
  /** Newest first; rebuilt lazily after changes. */
  private ordered: Entry[] = [];
  private orderStale = false;
  private search = createSearch();
  private readonly searchable = new Set<string>();
  private orphans = new Set<string>();

  get size(): number {
    return this.byId.size;
  }

  /** Share of entries already in the text index. */
  get indexed(): number {
    return this.byId.size === 0 ? 1 : this.searchable.size / this.byId.size;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Adds or replaces entries; `withText` false leaves their text for `indexText` (a first load). */
  upsert(list: readonly Annotation[], withText = true): void {
    for (const annotation of list) {
      const entry = toEntry(annotation);
      this.byId.set(annotation.id, entry);
      if (withText) this.indexOne(annotation, entry);
      else if (this.searchable.has(annotation.id)) {
        this.search.discard(annotation.id);
        this.searchable.delete(annotation.id);
      }
    }
    this.orderStale = true;
  }

  /** Puts the text of already known entries into the search index. */
  indexText(list: readonly Annotation[]): void {
    for (const annotation of list) {
      const entry = this.byId.get(annotation.id);
      if (entry) this.indexOne(annotation, entry);
    }
  }

  remove(ids: Iterable<string>): void {
    for (const id of ids) {
      if (!this.byId.delete(id)) continue;
      if (this.searchable.delete(id)) this.search.discard(id);
      this.orderStale = true;
    }
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }

  setOrphans(ids: Iterable<string>): void {
    this.orphans = new Set(ids);
  }

  /** Every tag with its count, most used first: for autocomplete and the tag manager. */
  allTags(): Facet[] {
    const counts = new Map<string, number>();
    for (const entry of this.byId.values())
      for (const tag of entry.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    return sortFacets(counts, Number.POSITIVE_INFINITY);
  }

  query(q: LibraryQuery, seq = 0): LibraryResult {
    const ordered = this.inOrder();
    const text = q.text.trim();
    let textMatch: Set<string> | undefined;
    const terms = new Set<string>();
    if (text) {
      textMatch = new Set();
      for (const hit of this.search.search(text)) {
        textMatch.add(hit.id as string);
        if (terms.size < MAX_TERMS) for (const term of hit.terms) terms.add(term);
      }
    }
    const colors = new Set(q.colors);
    const tags = new Set(q.tags);
    const sites = new Set(q.sites);
    const colorCounts = new Map<string, number>();
    const tagCounts = new Map<string, number>();
    const siteCounts = new Map<string, number>();
    let orphanCount = 0;
    const matched: Entry[] = [];

    for (const entry of ordered) {
      if (textMatch && !textMatch.has(entry.id)) continue;
      if (q.from && entry.day < q.from) continue;
      if (q.to && entry.day > q.to) continue;
      const isOrphan = this.orphans.has(entry.id);
      if (q.orphansOnly && !isOrphan) continue;
      const colorOk = colors.size === 0 || colors.has(entry.color);
      const tagOk = tags.size === 0 || [...tags].every((t) => entry.tags.includes(t));
      const siteOk = sites.size === 0 || sites.has(entry.site);
      // Each filter's counts are over what the other filters let through.
      if (tagOk && siteOk) bump(colorCounts, entry.color);
      if (colorOk && siteOk) for (const tag of entry.tags) bump(tagCounts, tag);
      if (colorOk && tagOk) bump(siteCounts, entry.site);
      if (colorOk && tagOk && siteOk) {
        matched.push(entry);
        if (isOrphan) orphanCount++;
      }
    }

    const { ids, groups } = arrange(matched, q.sort);
    return {
      seq,
      ids,
      groups,
      total: this.byId.size,
      facets: {
        colors: HIGHLIGHT_COLORS.map((c) => ({ value: c, count: colorCounts.get(c) ?? 0 })),
        tags: sortFacets(tagCounts, FACET_LIMIT, tags),
        sites: sortFacets(siteCounts, FACET_LIMIT, sites),
        orphans: orphanCount,
      },
      terms: [...terms],
      indexed: this.indexed,
    };
  }

  private indexOne(annotation: Annotation, entry: Entry): void {
    const doc = toDoc(annotation, entry);
    if (this.searchable.has(doc.id)) this.search.replace(doc);
    else {
      this.search.add(doc);
      this.searchable.add(doc.id);
    }
  }

  private inOrder(): Entry[] {
    if (this.orderStale) {
      this.ordered = [...this.byId.values()].sort(newerFirst);
      this.orderStale = false;
    }
    return this.ordered;
  }
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** Most used first; values the reader has chosen stay listed even when they are past the limit. */
function sortFacets(counts: Map<string, number>, limit: number, keep: Set<string> = new Set()): Facet[] {
  const all = [...counts].map(([value, count]) => ({ value, count }));
  all.sort((a, b) => b.count - a.count || collator.compare(a.value, b.value));
  const shown = all.slice(0, limit);
  for (const value of keep)
    if (!shown.some((f) => f.value === value)) shown.push({ value, count: counts.get(value) ?? 0 });
  return shown;
}

/** Groups the matches (already newest first) and orders groups and items for the sort. */
function arrange(matched: Entry[], sort: LibraryQuery['sort']): { ids: string[]; groups: ResultGroup[] } {
  const list = sort === 'oldest' ? [...matched].reverse() : matched;
  const byKey = new Map<string, { group: ResultGroup; items: string[] }>();
  for (const entry of list) {
    const key = sort === 'color' ? entry.color : entry.pageKey;
    let bucket = byKey.get(key);
    if (!bucket) {
      bucket = {
        group:
          sort === 'color'
            ? { key, title: entry.color, newest: entry.created, start: 0, count: 0 }
            : {
                key,
                title: entry.title,
                url: entry.url,
                site: entry.site,
                newest: entry.created,
                start: 0,
                count: 0,
              },
        items: [],
      };
      byKey.set(key, bucket);
    }
    if (entry.created > bucket.group.newest) bucket.group.newest = entry.created;
    bucket.items.push(entry.id);
  }
  const buckets = [...byKey.values()];
  if (sort === 'page') buckets.sort((a, b) => collator.compare(a.group.title, b.group.title));
  else if (sort === 'site')
    buckets.sort(
      (a, b) =>
        collator.compare(a.group.site ?? '', b.group.site ?? '') ||
        (a.group.newest < b.group.newest ? 1 : -1),
    );
  else if (sort === 'color')
    buckets.sort(
      (a, b) =>
        HIGHLIGHT_COLORS.indexOf(a.group.key as HighlightColor) -
        HIGHLIGHT_COLORS.indexOf(b.group.key as HighlightColor),
    );
  const ids: string[] = [];
  const groups: ResultGroup[] = [];
  for (const { group, items } of buckets) {
    group.start = ids.length;
    group.count = items.length;
    groups.push(group);
    for (const id of items) ids.push(id);
  }
  return { ids, groups };
}
