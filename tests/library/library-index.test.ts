import { describe, expect, it } from 'vitest';
import { LibraryIndex } from '@/lib/library/library-index';
import { EMPTY_QUERY } from '@/lib/library/query';
import { makeAnnotation, uuid } from '../export/fixtures';

const library = () => {
  const index = new LibraryIndex();
  index.upsert([
    makeAnnotation(1, {
      url: 'https://www.alpha.org/a',
      title: 'Zebra essay',
      created: '2026-01-01T10:00:00.000Z',
      color: 'yellow',
      tags: ['idea'],
      note: 'Crows remember faces',
    }),
    makeAnnotation(2, {
      url: 'https://beta.net/b',
      title: 'Apple notes',
      created: '2026-02-01T10:00:00.000Z',
      color: 'blue',
      tags: ['idea', 'todo'],
    }),
    makeAnnotation(3, {
      url: 'https://www.alpha.org/a',
      title: 'Zebra essay',
      created: '2026-03-01T10:00:00.000Z',
      color: 'blue',
      target: { quote: { type: 'TextQuoteSelector', exact: 'photosynthesis in leaves' } },
    }),
  ]);
  return index;
};

describe('LibraryIndex', () => {
  it('groups by page, pages by their newest annotation, newest first', () => {
    const result = library().query(EMPTY_QUERY);
    expect(result.ids).toEqual([uuid(3), uuid(1), uuid(2)]);
    expect(result.groups.map((g) => [g.title, g.start, g.count, g.site])).toEqual([
      ['Zebra essay', 0, 2, 'alpha.org'],
      ['Apple notes', 2, 1, 'beta.net'],
    ]);
  });

  it('sorts oldest first, by page title, by site and by colour', () => {
    const index = library();
    expect(index.query({ ...EMPTY_QUERY, sort: 'oldest' }).ids).toEqual([uuid(1), uuid(3), uuid(2)]);
    expect(index.query({ ...EMPTY_QUERY, sort: 'page' }).groups.map((g) => g.title)).toEqual([
      'Apple notes',
      'Zebra essay',
    ]);
    expect(index.query({ ...EMPTY_QUERY, sort: 'site' }).groups.map((g) => g.site)).toEqual([
      'alpha.org',
      'beta.net',
    ]);
    const byColor = index.query({ ...EMPTY_QUERY, sort: 'color' });
    expect(byColor.groups.map((g) => [g.key, g.count])).toEqual([
      ['yellow', 1],
      ['blue', 2],
    ]);
  });

  it('searches quote, note, tags and title by word prefix, and forgives a typo in a long word', () => {
    const index = library();
    expect(index.query({ ...EMPTY_QUERY, text: 'crow' }).ids).toEqual([uuid(1)]);
    expect(index.query({ ...EMPTY_QUERY, text: 'photosynthesys' }).ids).toEqual([uuid(3)]);
    expect(index.query({ ...EMPTY_QUERY, text: 'todo' }).ids).toEqual([uuid(2)]);
    expect(index.query({ ...EMPTY_QUERY, text: 'apple' }).ids).toEqual([uuid(2)]);
    expect(index.query({ ...EMPTY_QUERY, text: 'crows faces' }).terms.sort()).toEqual(['crows', 'faces']);
  });

  it('combines filters with the search and counts each filter over the others', () => {
    const result = library().query({ ...EMPTY_QUERY, colors: ['blue'], tags: ['idea'] });
    expect(result.ids).toEqual([uuid(2)]);
    // Colour counts ignore the colour filter but keep the tag filter.
    expect(result.facets.colors.filter((f) => f.count > 0)).toEqual([
      { value: 'yellow', count: 1 },
      { value: 'blue', count: 1 },
    ]);
    expect(result.facets.tags).toEqual([
      { value: 'idea', count: 1 },
      { value: 'todo', count: 1 },
    ]);
    expect(result.facets.sites).toEqual([{ value: 'beta.net', count: 1 }]);
  });

  it('filters by local calendar day and by "not found"', () => {
    const index = library();
    expect(index.query({ ...EMPTY_QUERY, from: '2026-01-15', to: '2026-02-15' }).ids).toEqual([uuid(2)]);
    index.setOrphans([uuid(1)]);
    const result = index.query({ ...EMPTY_QUERY, orphansOnly: true });
    expect(result.ids).toEqual([uuid(1)]);
    expect(result.facets.orphans).toBe(1);
  });

  it('keeps the text index in step with edits and deletions', () => {
    const index = library();
    index.upsert([makeAnnotation(1, { note: 'ravens instead', created: '2026-01-01T10:00:00.000Z' })]);
    expect(index.query({ ...EMPTY_QUERY, text: 'crows' }).ids).toEqual([]);
    expect(index.query({ ...EMPTY_QUERY, text: 'ravens' }).ids).toEqual([uuid(1)]);
    index.remove([uuid(1)]);
    expect(index.query({ ...EMPTY_QUERY, text: 'ravens' }).ids).toEqual([]);
    expect(index.query(EMPTY_QUERY).total).toBe(2);
  });

  it('lists entries before their text is indexed, and says how much is indexed', () => {
    const index = new LibraryIndex();
    const records = [makeAnnotation(1, { note: 'later' }), makeAnnotation(2)];
    index.upsert(records, false);
    expect(index.query(EMPTY_QUERY).ids).toHaveLength(2);
    expect(index.indexed).toBe(0);
    index.indexText(records.slice(0, 1));
    expect(index.indexed).toBe(0.5);
    expect(index.query({ ...EMPTY_QUERY, text: 'later' }).ids).toEqual([uuid(1)]);
  });
});
