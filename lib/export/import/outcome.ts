/**
 * What reading one entry of an import file can come to, and what every reader shares: the
 * import time and one page-key cache, so 50,000 annotations on a few pages parse few URLs.
 */
import { pageKey } from '../../page-key';
import type { Annotation } from '../../types';

export type EntryOutcome =
  | { kind: 'ok'; annotation: Annotation }
  /** A well-formed annotation that Gloss cannot anchor, such as a page note. */
  | { kind: 'skip'; reason: string }
  /** A damaged entry: the whole import stops on it. */
  | { kind: 'invalid'; message: string };

export interface ImportContext {
  /** Stands in for dates a foreign file leaves out. */
  now: string;
  pageKeyOf(url: string): string;
}

export function createContext(now: Date): ImportContext {
  const keys = new Map<string, string>();
  return {
    now: now.toISOString(),
    pageKeyOf(url) {
      let key = keys.get(url);
      if (key === undefined) {
        key = pageKey(url);
        keys.set(url, key);
      }
      return key;
    },
  };
}
