/** Builders for export tests: valid Gloss records whose pageKey follows lib/page-key. */
import { pageKey } from '../../lib/page-key';
import type { Annotation } from '../../lib/types';

export function uuid(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

export function makeAnnotation(n: number, overrides: Partial<Annotation> = {}): Annotation {
  const url = overrides.url ?? 'https://example.com/article?utm_source=news#intro';
  return {
    id: uuid(n),
    url,
    title: 'An article',
    target: {
      quote: {
        type: 'TextQuoteSelector',
        exact: 'the quick brown fox',
        prefix: 'Once upon a time ',
        suffix: ' jumped over',
      },
      position: { type: 'TextPositionSelector', start: 100 + n, end: 119 + n },
    },
    note: '',
    tags: [],
    color: 'yellow',
    created: '2024-12-01T12:00:00.000Z',
    modified: '2024-12-01T12:00:00.000Z',
    ...overrides,
    pageKey: overrides.pageKey ?? pageKey(url),
  };
}

/** A local date at noon, so the calendar day is the same in every time zone the tests run in. */
export const NOW = new Date(2025, 0, 2, 12, 0, 0);
