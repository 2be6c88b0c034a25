import { describe, expect, it } from 'vitest';
import { toWebAnnotation } from '../../lib/export';
import { fromIri, toIri, uriSafe, uuidFrom } from '../../lib/export/iri';
import { makeAnnotation, NOW, uuid } from './fixtures';

describe('toWebAnnotation', () => {
  const plain = makeAnnotation(1);
  const noted = makeAnnotation(2, {
    note: 'Why **this** matters',
    tags: ['a', 'b'],
    color: 'blue',
    title: 'Page',
  });
  const collection = toWebAnnotation([plain, noted], { now: NOW });
  const [first, second] = collection.first!.items;

  it('is an AnnotationCollection with one embedded AnnotationPage', () => {
    expect(collection['@context']).toEqual([
      'http://www.w3.org/ns/anno.jsonld',
      { gloss: 'https://gloss.local/ns#' },
    ]);
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.id).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(collection.total).toBe(2);
    expect(collection.first).toMatchObject({ type: 'AnnotationPage', startIndex: 0 });
    expect(collection.first!.id).not.toBe(collection.id);
    expect(collection.last).toBe(collection.first!.id);
    expect(collection.created).toBe(NOW.toISOString());
  });

  it('is deterministic for the same records and time, and differs otherwise', () => {
    expect(toWebAnnotation([plain, noted], { now: NOW })).toEqual(collection);
    expect(toWebAnnotation([plain], { now: NOW }).id).not.toBe(collection.id);
  });

  it('writes a highlight without a note as "highlighting" with no body', () => {
    expect(first).toEqual({
      id: `urn:uuid:${uuid(1)}`,
      type: 'Annotation',
      motivation: 'highlighting',
      target: {
        source: plain.url,
        selector: [
          {
            type: 'TextQuoteSelector',
            exact: 'the quick brown fox',
            prefix: 'Once upon a time ',
            suffix: ' jumped over',
          },
          { type: 'TextPositionSelector', start: 101, end: 120 },
        ],
      },
      created: plain.created,
      modified: plain.modified,
      'gloss:color': 'yellow',
      'gloss:pageTitle': 'An article',
    });
  });

  it('writes the note as a Markdown commenting body and each tag as a tagging body', () => {
    expect(second?.motivation).toBe('commenting');
    expect(second?.body).toEqual([
      { type: 'TextualBody', value: 'Why **this** matters', format: 'text/markdown', purpose: 'commenting' },
      { type: 'TextualBody', value: 'a', purpose: 'tagging' },
      { type: 'TextualBody', value: 'b', purpose: 'tagging' },
    ]);
    expect(second?.['gloss:color']).toBe('blue');
  });

  it('escapes a source address that is not a valid URI and keeps the original alongside', () => {
    const item = toWebAnnotation([makeAnnotation(3, { url: 'https://x.org/p|q?a=^ b' })], { now: NOW }).first!
      .items[0];
    expect(item?.target.source).toBe('https://x.org/p%7Cq?a=%5E%20b');
    expect(item?.['gloss:url']).toBe('https://x.org/p|q?a=^ b');
    expect(first && 'gloss:url' in first).toBe(false);
  });
});

describe('annotation ids as IRIs', () => {
  const ids = [
    uuid(7),
    'hypothesis:Ab-Cd_12',
    'http://example.org/anno/1',
    'urn:isbn:123',
    'plain',
    'a b/c?d',
    '',
    'urn:uuid:nope',
    'urn:gloss:annotation:x',
    'https://hypothes.is/a/',
  ];
  it('maps every id to a URI and back to itself', () => {
    for (const id of ids) {
      const iri = toIri(id);
      expect(iri, id).toMatch(/^[a-z][a-z0-9+.-]*:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+$/i);
      expect(fromIri(iri), id).toBe(id);
    }
  });

  it('uses urn:uuid for Gloss ids and the Hypothesis address for Hypothesis ids', () => {
    expect(toIri(uuid(7))).toBe(`urn:uuid:${uuid(7)}`);
    expect(toIri('hypothesis:Ab-Cd_12')).toBe('https://hypothes.is/a/Ab-Cd_12');
    expect(fromIri('https://hypothes.is/a/Ab-Cd_12')).toBe('hypothesis:Ab-Cd_12');
  });

  it('percent-encodes only what a URI cannot hold', () => {
    expect(uriSafe('https://example.com/a-b_c~d?x=1&y=%20#f')).toBe(
      'https://example.com/a-b_c~d?x=1&y=%20#f',
    );
    expect(uriSafe('https://example.com/é 100%')).toBe('https://example.com/%C3%A9%20100%25');
  });

  it('derives version 8 UUIDs from text', () => {
    expect(uuidFrom('a')).toBe(uuidFrom('a'));
    expect(uuidFrom('a')).not.toBe(uuidFrom('b'));
    expect(uuidFrom('')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
