import { describe, expect, it } from 'vitest';
import { GlossDatabase, listAnchorStates, recordAnchorStates } from '@/lib/db';
import type { Annotation } from '@/lib/types';

const make = (id: string, pageKey: string): Annotation => ({
  id,
  pageKey,
  url: pageKey,
  title: '',
  target: { quote: { type: 'TextQuoteSelector', exact: 'x' } },
  note: '',
  tags: [],
  color: 'yellow',
  created: '2026-11-29T10:00:00.000Z',
  modified: '2026-11-29T10:00:00.000Z',
});

describe('recordAnchorStates', () => {
  it("replaces one page's states and ignores ids from other pages", async () => {
    const db = new GlossDatabase(`states-${Math.random()}`);
    await db.annotations.bulkAdd([make('a', 'p1'), make('b', 'p1'), make('c', 'p2')]);
    await recordAnchorStates(db, 'p1', { a: 'orphan', b: 'exact', c: 'orphan' });
    await recordAnchorStates(db, 'p1', { a: 'fuzzy' });
    const states = await listAnchorStates(db);
    expect(states.map((s) => [s.id, s.kind])).toEqual([['a', 'fuzzy']]);
    const before = (await db.annotations.get('a'))?.modified;
    expect(before).toBe('2026-11-29T10:00:00.000Z');
  });
});
