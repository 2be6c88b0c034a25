/** Library filtering and grouping: pure functions over annotation lists. */
import type { Annotation } from '../types';

export function matchesQuery(annotation: Annotation, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [
    annotation.target.quote.exact,
    annotation.note,
    annotation.title,
    annotation.url,
    ...annotation.tags,
  ]
    .join('\n')
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}

export interface PageGroup {
  pageKey: string;
  title: string;
  url: string;
  annotations: Annotation[];
}

/** Groups by page; pages ordered by their newest annotation, annotations newest first. */
export function groupByPage(list: readonly Annotation[]): PageGroup[] {
  const groups = new Map<string, PageGroup>();
  const newestFirst = [...list].sort((a, b) => b.created.localeCompare(a.created));
  for (const annotation of newestFirst) {
    let group = groups.get(annotation.pageKey);
    if (!group) {
      group = {
        pageKey: annotation.pageKey,
        title: annotation.title || annotation.url,
        url: annotation.url,
        annotations: [],
      };
      groups.set(annotation.pageKey, group);
    }
    group.annotations.push(annotation);
  }
  return [...groups.values()];
}
