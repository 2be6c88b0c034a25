/**
 * What the library asks for and what it gets back. Plain data only: queries and results
 * cross from the page to the search worker and back by structured clone.
 */
import type { HighlightColor } from '../types';

export type LibrarySort = 'newest' | 'oldest' | 'page' | 'site' | 'color';

export interface LibraryQuery {
  text: string;
  colors: HighlightColor[];
  tags: string[];
  sites: string[];
  /** Inclusive calendar days, `YYYY-MM-DD`, compared with the local day the annotation was made. */
  from?: string;
  to?: string;
  /** Only annotations whose passage was not found the last time their page was open. */
  orphansOnly?: boolean;
  sort: LibrarySort;
}

export const EMPTY_QUERY: LibraryQuery = { text: '', colors: [], tags: [], sites: [], sort: 'newest' };

/** A run of results under one heading: a page, or a colour when sorted by colour. */
export interface ResultGroup {
  key: string;
  title: string;
  /** The page URL, for page groups. */
  url?: string;
  site?: string;
  /** Newest annotation in the group (ISO). */
  newest: string;
  /** Index of the group's first id in `ids`. */
  start: number;
  count: number;
}

export interface Facet {
  value: string;
  count: number;
}

export interface LibraryResult {
  /** Answers query number `seq` (older answers arriving late are dropped). */
  seq: number;
  /** Matching annotation ids in display order. */
  ids: string[];
  groups: ResultGroup[];
  total: number;
  /** How many match the search and the other filters, per value of each filter. */
  facets: { colors: Facet[]; tags: Facet[]; sites: Facet[]; orphans: number };
  /** Words of the annotations that matched the search, for marking them in the results. */
  terms: string[];
  /** Share of the library indexed for text search so far (1 when done). */
  indexed: number;
}

export const isFiltered = (q: LibraryQuery) =>
  q.text.trim() !== '' ||
  q.colors.length > 0 ||
  q.tags.length > 0 ||
  q.sites.length > 0 ||
  !!q.from ||
  !!q.to ||
  !!q.orphansOnly;
