import { describe, expect, it } from 'vitest';
import { inDocumentOrder } from '@/lib/pages/order';
import { groupByPage, matchesQuery } from '@/lib/pages/search';
import type { Annotation } from '@/lib/types';

const make = (id: string, pageKey: string, created: string, extra: Partial<Annotation> = {}): Annotation => ({
  id,
  pageKey,
  url: pageKey,
  title: `Title of ${pageKey}`,
  target: {
    quote: { type: 'TextQuoteSelector', exact: `quote ${id}` },
    position: { type: 'TextPositionSelector', start: Number(id.slice(1)) * 10, end: 0 },
  },
  note: '',
  tags: [],
  color: 'yellow',
  created,
  modified: created,
  ...extra,
});

describe('library search and grouping', () => {
  const list = [
    make('a1', 'p1', '2026-01-01T00:00:00Z', { note: 'Harbour lights', tags: ['sea'] }),
    make('a2', 'p2', '2026-03-01T00:00:00Z'),
    make('a3', 'p1', '2026-02-01T00:00:00Z'),
  ];
  it('matches every word in quote, note, tags and title', () => {
    expect(list.filter((a) => matchesQuery(a, 'harbour SEA')).map((a) => a.id)).toEqual(['a1']);
    expect(list.filter((a) => matchesQuery(a, '  ')).length).toBe(3);
  });
  it('groups by page, newest page and annotation first', () => {
    const groups = groupByPage(list);
    expect(groups.map((g) => g.pageKey)).toEqual(['p2', 'p1']);
    expect(groups[1]?.annotations.map((a) => a.id)).toEqual(['a3', 'a1']);
  });
  it('orders a page by where highlights are drawn, then by stored position', () => {
    expect(inDocumentOrder(list, ['a3', 'a2']).map((a) => a.id)).toEqual(['a3', 'a2', 'a1']);
  });
});
