/**
 * The reading order shared by the human-readable exports (Markdown and HTML): one section per
 * page, highlights in the order they appear on the page. Kept apart so both formats agree.
 */
import type { Annotation } from '../types';

export interface PageGroup {
  pageKey: string;
  title: string;
  /** The address to link the page heading to (the page key, which has no fragment or tracking). */
  url: string;
  /** When the page was first annotated, as an ISO string. */
  firstCreated: string;
  annotations: Annotation[];
}

/**
 * Highlights with a known position come first in page order; the rest follow by creation time.
 * A single sort key keeps the comparison consistent, which mixing the two criteria would not.
 */
function readingOrder(a: Annotation, b: Annotation): number {
  const pa = a.target.position?.start ?? Number.POSITIVE_INFINITY;
  const pb = b.target.position?.start ?? Number.POSITIVE_INFINITY;
  if (pa !== pb) return pa < pb ? -1 : 1;
  return a.created < b.created ? -1 : a.created > b.created ? 1 : 0;
}

/** Groups by page; pages are ordered by when they were first annotated. */
export function groupByPage(annotations: readonly Annotation[]): PageGroup[] {
  const byKey = new Map<string, Annotation[]>();
  for (const annotation of annotations) {
    const list = byKey.get(annotation.pageKey);
    if (list) list.push(annotation);
    else byKey.set(annotation.pageKey, [annotation]);
  }
  const groups: PageGroup[] = [];
  for (const [key, list] of byKey) {
    // The most recently edited record carries the freshest page title.
    let latest = list[0]!;
    let firstCreated = latest.created;
    for (const annotation of list) {
      if (annotation.modified > latest.modified) latest = annotation;
      if (annotation.created < firstCreated) firstCreated = annotation.created;
    }
    groups.push({
      pageKey: key,
      title: latest.title.trim() || key,
      url: key,
      firstCreated,
      annotations: [...list].sort(readingOrder),
    });
  }
  return groups.sort((a, b) =>
    a.firstCreated < b.firstCreated ? -1 : a.firstCreated > b.firstCreated ? 1 : 0,
  );
}

/** A calendar date in the reader's own time zone, as YYYY-MM-DD. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The local day of a stored ISO timestamp; the raw string when it does not parse. */
export function dayOf(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : localDay(date);
}

/**
 * Only ordinary web and file addresses become links: an export is opened later, out of
 * context, and a `javascript:` or `data:` address in a link would run in the reader's hands.
 */
export function isLinkable(url: string): boolean {
  return /^(https?|file):/i.test(url);
}

export function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

export function countLabel(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
