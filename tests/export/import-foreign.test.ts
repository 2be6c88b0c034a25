import { describe, expect, it } from 'vitest';
import { parseImport } from '../../lib/export';
import { pageKey } from '../../lib/page-key';
import type { Annotation } from '../../lib/types';

const NOW = new Date('2025-03-04T05:06:07.000Z');
const quote = (exact: string, more: object = {}) => ({ type: 'TextQuoteSelector', exact, ...more });

function ok(input: unknown) {
  const result = parseImport(typeof input === 'string' ? input : JSON.stringify(input), { now: NOW });
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe('parseImport of other W3C Web Annotations', () => {
  const annotation = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'http://example.org/anno/1',
    type: 'Annotation',
    bodyValue: 'A plain comment',
    target: {
      source: 'https://example.com/page',
      selector: [
        {
          type: 'RangeSelector',
          startSelector: { type: 'XPathSelector', value: '/p[1]' },
          endSelector: { type: 'XPathSelector', value: '/p[2]' },
        },
        quote('exact words', { prefix: 'the ', suffix: ' here' }),
        { type: 'TextPositionSelector', start: 4, end: 15 },
      ],
    },
    created: '2015-01-28T12:00:00Z',
    modified: '2015-01-29T09:00:00.123+01:00',
  };

  it('reads a single annotation, keeping its IRI as the id and ignoring selectors Gloss does not use', () => {
    expect(ok(annotation).annotations).toStrictEqual<Annotation[]>([
      {
        id: 'http://example.org/anno/1',
        pageKey: 'https://example.com/page',
        url: 'https://example.com/page',
        title: '',
        target: {
          quote: { type: 'TextQuoteSelector', exact: 'exact words', prefix: 'the ', suffix: ' here' },
          position: { type: 'TextPositionSelector', start: 4, end: 15 },
        },
        note: 'A plain comment',
        tags: [],
        color: 'yellow',
        created: '2015-01-28T12:00:00.000Z',
        modified: '2015-01-29T08:00:00.123Z',
      },
    ]);
  });

  it('reads bodies given as a string, an object or an array, and tagging bodies as tags', () => {
    const page = {
      type: 'AnnotationPage',
      items: [
        {
          ...annotation,
          id: 'urn:uuid:11111111-1111-4111-8111-111111111111',
          bodyValue: undefined,
          body: { value: 'one object' },
        },
        {
          ...annotation,
          id: 'urn:x:2',
          bodyValue: undefined,
          body: [
            'A string body',
            { type: 'TextualBody', value: 'described', purpose: 'describing' },
            { type: 'TextualBody', value: 'tagged', purpose: ['tagging'] },
            { type: 'Image', id: 'http://example.org/pic.png' },
          ],
        },
      ],
    };
    const [first, second] = ok(page).annotations;
    expect(first).toMatchObject({ id: '11111111-1111-4111-8111-111111111111', note: 'one object', tags: [] });
    expect(second).toMatchObject({ id: 'urn:x:2', note: 'A string body\n\ndescribed', tags: ['tagged'] });
  });

  it('reads a collection, an array, a type list, a single selector and an object source', () => {
    const item = {
      id: 'http://example.org/anno/9',
      type: ['Annotation', 'oa:Annotation'],
      target: [{ source: { id: 'https://example.com/other#frag', type: 'Text' }, selector: quote('solo') }],
    };
    for (const file of [
      [item],
      { type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [item] } },
    ]) {
      const [result] = ok(file).annotations;
      expect(result).toMatchObject({
        url: 'https://example.com/other#frag',
        pageKey: pageKey('https://example.com/other#frag'),
        target: { quote: { type: 'TextQuoteSelector', exact: 'solo' } },
        created: NOW.toISOString(),
        modified: NOW.toISOString(),
      });
      expect(result?.target.position).toBeUndefined();
    }
  });

  it('skips, with a reason, annotations that have no passage Gloss can anchor', () => {
    const items = [
      { id: 'http://e.org/1', type: 'Annotation', target: 'https://example.com/whole-page' },
      {
        id: 'http://e.org/2',
        type: 'Annotation',
        target: {
          source: 'https://example.com/',
          selector: { type: 'FragmentSelector', value: 'xywh=1,2,3,4' },
        },
      },
      {
        id: 'http://e.org/3',
        type: 'Annotation',
        target: { source: 'urn:x-pdf:abc', selector: quote('in a PDF') },
      },
      {
        id: 'http://e.org/4',
        type: 'Annotation',
        target: { source: 'https://example.com/', selector: quote('  ') },
      },
      annotation,
    ];
    const result = ok(items);
    expect(result.annotations.map((a) => a.id)).toEqual(['http://example.org/anno/1']);
    expect(result.skipped.map((s) => s.index)).toEqual([0, 1, 2, 3]);
    expect(result.skipped[0]?.reason).toBe(
      'Entry 1 of 5 (id "http://e.org/1") was skipped: it has no text quote selector, so there is no passage to highlight.',
    );
    expect(result.skipped[2]?.reason).toContain('urn:x-pdf:abc is not a web page Gloss can open');
    expect(result.skipped[3]?.reason).toContain('its quoted passage is empty');
  });
});

describe('parseImport of Hypothesis JSON', () => {
  const highlight = {
    id: 'AbC123_-x',
    created: '2023-05-01T10:00:00.123456+00:00',
    updated: '2023-05-02T11:00:00.654321+00:00',
    user: 'acct:reader@hypothes.is',
    uri: 'https://example.com/story?utm_source=feed',
    text: '',
    tags: [],
    group: '__world__',
    document: { title: ['A Story'] },
    target: [
      {
        source: 'https://example.com/story?utm_source=feed',
        selector: [
          {
            type: 'RangeSelector',
            endOffset: 10,
            startOffset: 0,
            endContainer: '/div[1]/p[2]',
            startContainer: '/div[1]/p[2]',
          },
          { type: 'TextPositionSelector', start: 120, end: 130 },
          { type: 'TextQuoteSelector', exact: 'ten chars!', prefix: 'before ', suffix: ' after' },
        ],
      },
    ],
    links: { html: 'https://hypothes.is/a/AbC123_-x' },
  };
  const annotated = {
    ...highlight,
    id: 'Note456',
    text: 'Some **Markdown**',
    tags: ['history', ' ', ' spaced '],
  };
  const pageNote = {
    ...highlight,
    id: 'PageNote',
    text: 'About the whole page',
    target: [{ source: highlight.uri }],
  };
  const reply = {
    ...highlight,
    id: 'Reply',
    text: 'I agree',
    references: ['Note456'],
    target: [{ source: highlight.uri }],
  };

  const expected: Annotation = {
    id: 'hypothesis:AbC123_-x',
    pageKey: 'https://example.com/story',
    url: 'https://example.com/story?utm_source=feed',
    title: 'A Story',
    target: {
      quote: { type: 'TextQuoteSelector', exact: 'ten chars!', prefix: 'before ', suffix: ' after' },
      position: { type: 'TextPositionSelector', start: 120, end: 130 },
    },
    note: '',
    tags: [],
    color: 'yellow',
    created: '2023-05-01T10:00:00.123Z',
    modified: '2023-05-02T11:00:00.654Z',
  };

  it('reads a search result, skipping page notes and replies', () => {
    const result = ok({ total: 4, rows: [highlight, annotated, pageNote, reply] });
    expect(result.annotations[0]).toStrictEqual(expected);
    expect(result.annotations[1]).toMatchObject({
      id: 'hypothesis:Note456',
      note: 'Some **Markdown**',
      tags: ['history', 'spaced'],
    });
    expect(result.annotations).toHaveLength(2);
    expect(result.skipped).toEqual([
      {
        index: 2,
        reason: 'Entry 3 of 4 (id "PageNote") was skipped: it is a page note, with no highlighted passage.',
      },
      { index: 3, reason: 'Entry 4 of 4 (id "Reply") was skipped: it is a reply to another annotation.' },
    ]);
  });

  it('reads one annotation, an array, and the Hypothesis client export', () => {
    expect(ok(highlight).annotations).toStrictEqual([expected]);
    expect(ok([highlight]).annotations).toStrictEqual([expected]);
    const exported = {
      export_date: '2024-01-01T00:00:00Z',
      export_userid: 'acct:reader@hypothes.is',
      annotations: [highlight],
    };
    expect(ok(exported).annotations).toStrictEqual([expected]);
  });

  it('gives the same id whether it came as Hypothesis JSON or as W3C JSON-LD', () => {
    const w3c = {
      id: 'https://hypothes.is/a/AbC123_-x',
      type: 'Annotation',
      target: { source: highlight.uri, selector: quote('ten chars!') },
    };
    expect(ok(w3c).annotations[0]?.id).toBe(ok(highlight).annotations[0]?.id);
  });
});
