/**
 * The shapes every part of Gloss agrees on. This module imports nothing so that the
 * content script, the background, the pages and the pure libraries can all share it.
 */

/** W3C Web Annotation TextQuoteSelector: the passage with a little context on each side. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

/** W3C Web Annotation TextPositionSelector: offsets into the page text as Gloss's text model counts it. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export type Selector = TextQuoteSelector | TextPositionSelector;

/** The selectors stored for one highlight: the quote always, the position when it is known. */
export interface AnnotationTarget {
  quote: TextQuoteSelector;
  position?: TextPositionSelector;
}

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/** Names read out by screen readers and written into exports. */
export const COLOR_LABELS: Record<HighlightColor, string> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
  purple: 'Purple',
};

/** The stored record. Dates are ISO 8601 strings so that records stay JSON all the way through. */
export interface Annotation {
  id: string;
  /** The page URL without fragment and tracking parameters: see lib/page-key. */
  pageKey: string;
  /** The full URL the annotation was made on. */
  url: string;
  title: string;
  target: AnnotationTarget;
  /** Markdown source of the margin note; empty for a plain highlight. */
  note: string;
  tags: string[];
  color: HighlightColor;
  created: string;
  modified: string;
}

/** The fields a reader can change after creation. */
export type AnnotationChanges = Partial<Pick<Annotation, 'note' | 'tags' | 'color' | 'target'>>;

/** How an annotation was found on the page at the last anchoring pass. */
export type AnchorStatus =
  /** `moved`: the text is unchanged but no longer beside its old neighbours. */
  | { kind: 'exact'; moved?: true }
  | { kind: 'fuzzy'; score: number; text: string }
  | { kind: 'orphan' }
  | { kind: 'pending' }
  /** Gloss threw while anchoring or drawing it: a fault of Gloss's, not proof it left the page. */
  | { kind: 'failed' };
