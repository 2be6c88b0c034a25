/**
 * Checks Gloss's W3C export against every MUST of the Web Annotation Data Model that the
 * web-platform-tests `annotation-model/` suite asserts for annotations, bodies, targets,
 * collections and pages. Each check is named after the assertion it mirrors; the checks are
 * written here from the model's rules. Embedded items are checked as they would stand alone,
 * with the collection's @context, as the model reads an embedded annotation.
 */
import { describe, expect, it } from 'vitest';
import { toWebAnnotation } from '../../lib/export';
import { makeAnnotation, NOW } from './fixtures';

type Json = Record<string, unknown>;
type Check = (value: Json) => boolean;

const ANNO = 'http://www.w3.org/ns/anno.jsonld';
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
const MEDIA_TYPE = /^(application|audio|example|image|multipart|text|video)\//;
const MOTIVATIONS = [
  'assessing',
  'bookmarking',
  'classifying',
  'commenting',
  'describing',
  'editing',
  'highlighting',
  'identifying',
  'linking',
  'moderating',
  'questioning',
  'replying',
  'tagging',
];

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isUri = (value: unknown) => typeof value === 'string' && URI.test(value);
const isDateTime = (value: unknown) =>
  typeof value === 'string' && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
const isNonNegativeInteger = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;
const single = (value: unknown, test: (v: unknown) => boolean) =>
  test(value) || (Array.isArray(value) && value.length === 1 && test(value[0]));
const oneOrMore = (value: unknown, test: (v: unknown) => boolean) =>
  Array.isArray(value) ? value.length > 0 && value.every(test) : test(value);
const absentOr = (object: Json, key: string, test: (v: unknown) => boolean) =>
  !(key in object) || test(object[key]);
const hasClass = (value: unknown, name: string) =>
  value === name || (Array.isArray(value) && value.includes(name));
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

function isSelector(value: unknown): boolean {
  if (isUri(value)) return true;
  if (!isObject(value)) return false;
  switch (value.type) {
    case 'TextQuoteSelector':
      return (
        typeof value.exact === 'string' &&
        absentOr(value, 'prefix', (p) => typeof p === 'string') &&
        absentOr(value, 'suffix', (s) => typeof s === 'string')
      );
    case 'TextPositionSelector':
      return isNonNegativeInteger(value.start) && isNonNegativeInteger(value.end);
    default:
      return isUri(value.id);
  }
}

const isExternalWebResource = (value: unknown) =>
  isObject(value) &&
  single(value.id, isUri) &&
  !('value' in value) &&
  !('source' in value) &&
  !('target' in value);
const isSpecificResource = (value: unknown) =>
  isObject(value) &&
  (isUri(value.source) || isExternalWebResource(value.source)) &&
  ['purpose', 'selector', 'state', 'styleClass', 'renderedVia', 'scope'].some((key) => key in value) &&
  absentOr(value, 'selector', (s) => oneOrMore(s, isSelector));
const isTextualBody = (value: unknown) => isObject(value) && typeof value.value === 'string';
/** The model's "oneOf": each resource must be recognisable as exactly one kind. */
const exactlyOne = (value: unknown, kinds: ((v: unknown) => boolean)[]) =>
  kinds.filter((kind) => kind(value)).length === 1;

const annotationMusts: Record<string, Check> = {
  '3.1-annotationContextValidated': (a) => hasClass(a['@context'], ANNO),
  '3.1-annotationIdValidated': (a) => single(a.id, isUri),
  '3.1-annotationTypeValidated': (a) => hasClass(a.type, 'Annotation'),
  '3.1-targetKeyFound': (a) => 'target' in a,
  '3.2-targetObjectsRecognized': (a) =>
    list(a.target).every((t) => exactlyOne(t, [isUri, isSpecificResource, isExternalWebResource])),
  '3.2.5-notBodyBodyValue': (a) => !('body' in a && 'bodyValue' in a),
  '3.2-bodyObjectsRecognized': (a) =>
    absentOr(a, 'body', (b) =>
      list(b).every((x) => exactlyOne(x, [isUri, isSpecificResource, isExternalWebResource, isTextualBody])),
    ),
  '3.2.5-bodyValueValidated': (a) => absentOr(a, 'bodyValue', (v) => single(v, (s) => typeof s === 'string')),
  '3.3.1-annotationCreatedValidated': (a) => absentOr(a, 'created', (v) => single(v, isDateTime)),
  '3.3.1-annotationModifiedValidated': (a) => absentOr(a, 'modified', (v) => single(v, isDateTime)),
  '3.3.1-annotationGeneratedValidated': (a) => absentOr(a, 'generated', (v) => single(v, isDateTime)),
  '3.3.6-annotationRightsValidated': (a) => absentOr(a, 'rights', (v) => oneOrMore(v, isUri)),
  '3.3.7-annotationCanonicalValidated': (a) => absentOr(a, 'canonical', (v) => single(v, isUri)),
  '3.3.7-annotationViaValidated': (a) => absentOr(a, 'via', (v) => oneOrMore(v, isUri)),
  // Bodies and targets (3.2.1-3.3.5): the optional keys Gloss uses must hold valid values.
  '3.2.1-bodyFormatValidated': (a) =>
    list(a.body ?? []).every(
      (b) =>
        !isObject(b) ||
        absentOr(b, 'format', (f) => oneOrMore(f, (x) => typeof x === 'string' && MEDIA_TYPE.test(x))),
    ),
  '3.3.5-bodyPurposeRecognized': (a) =>
    list(a.body ?? []).every(
      (b) =>
        !isObject(b) || absentOr(b, 'purpose', (p) => oneOrMore(p, (x) => MOTIVATIONS.includes(x as string))),
    ),
  '3.3.5-annotationMotivationRecognized': (a) =>
    absentOr(a, 'motivation', (m) => oneOrMore(m, (x) => MOTIVATIONS.includes(x as string))),
  '4.2.4-textQuoteSelectorValidated': (a) =>
    list(a.target).every(
      (t) =>
        !isObject(t) ||
        list(t.selector ?? []).every((s) => !isObject(s) || s.type !== 'TextQuoteSelector' || isSelector(s)),
    ),
  '4.2.5-textPositionSelectorValidated': (a) =>
    list(a.target).every(
      (t) =>
        !isObject(t) ||
        list(t.selector ?? []).every(
          (s) => !isObject(s) || s.type !== 'TextPositionSelector' || isSelector(s),
        ),
    ),
};

const collectionMusts: Record<string, Check> = {
  '5.1-collectionContextValidated': (c) => hasClass(c['@context'], ANNO),
  '5.1-collectionIdValidated': (c) => single(c.id, isUri),
  '5.1-collectionTypeValidated': (c) => hasClass(c.type, 'AnnotationCollection'),
  '5.1-collectionLabelValidated': (c) =>
    absentOr(c, 'label', (l) => oneOrMore(l, (x) => typeof x === 'string')),
  '5.1-collectionTotalValidated': (c) => absentOr(c, 'total', (t) => single(t, isNonNegativeInteger)),
  '5.1-collectionFirstValidated': (c) =>
    absentOr(c, 'first', (f) =>
      single(f, (x) => isUri(x) || (isObject(x) && hasClass(x.type, 'AnnotationPage'))),
    ),
  '5.1-collectionFirstRequiredIfTotalMoreThanZero': (c) => !((c.total as number) > 0) || 'first' in c,
  '5.1-collectionLastValidated': (c) => absentOr(c, 'last', (l) => single(l, isUri)),
  '3.3.1-collectionCreatedValidated': (c) => absentOr(c, 'created', (v) => single(v, isDateTime)),
  '3.3.1-collectionModifiedValidated': (c) => absentOr(c, 'modified', (v) => single(v, isDateTime)),
  '3.3.6-collectionRightsValidated': (c) => absentOr(c, 'rights', (v) => oneOrMore(v, isUri)),
};

const pageMusts: Record<string, Check> = {
  '5.2-pageContextValidated': (p) => hasClass(p['@context'], ANNO),
  '5.2-pageIdValidated': (p) => single(p.id, isUri),
  '5.2-pageTypeValidated': (p) => hasClass(p.type, 'AnnotationPage'),
  '5.2-pageItemsValidated': (p) =>
    Array.isArray(p.items) &&
    p.items.every((i) => isUri(i) || (isObject(i) && hasClass(i.type, 'Annotation'))),
  '5.2-pageStartIndexValidated': (p) => absentOr(p, 'startIndex', (s) => single(s, isNonNegativeInteger)),
  '5.2-pagePartOfValidated': (p) => absentOr(p, 'partOf', (v) => single(v, isUri)),
  '5.2-pageNextValidated': (p) => absentOr(p, 'next', (v) => single(v, isUri)),
  '5.2-pagePrevValidated': (p) => absentOr(p, 'prev', (v) => single(v, isUri)),
  '3.3.1-pageCreatedValidated': (p) => absentOr(p, 'created', (v) => single(v, isDateTime)),
  '3.3.1-pageModifiedValidated': (p) => absentOr(p, 'modified', (v) => single(v, isDateTime)),
  '3.3.6-pageRightsValidated': (p) => absentOr(p, 'rights', (v) => oneOrMore(v, isUri)),
};

/** Terms of the anno.jsonld context that Gloss's export uses; anything else must be a declared prefix. */
const ANNO_TERMS = new Set([
  '@context',
  'id',
  'type',
  'motivation',
  'body',
  'target',
  'created',
  'modified',
  'source',
  'selector',
  'exact',
  'prefix',
  'suffix',
  'start',
  'end',
  'value',
  'format',
  'purpose',
  'label',
  'total',
  'first',
  'last',
  'startIndex',
  'items',
]);

function undeclaredKeys(node: unknown, prefixes: Set<string>, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) undeclaredKeys(item, prefixes, found);
  else if (isObject(node)) {
    for (const [key, value] of Object.entries(node)) {
      const prefix = key.includes(':') ? key.slice(0, key.indexOf(':')) : '';
      if (!ANNO_TERMS.has(key) && !prefixes.has(prefix)) found.push(key);
      if (key !== '@context') undeclaredKeys(value, prefixes, found);
    }
  }
  return found;
}

const failing = (checks: Record<string, Check>, value: Json) =>
  Object.entries(checks)
    .filter(([, check]) => !check(value))
    .map(([name]) => name);

const records = [
  makeAnnotation(1),
  makeAnnotation(2, { note: 'A *Markdown* note', tags: ['one', 'two'], color: 'purple' }),
  makeAnnotation(3, { target: { quote: { type: 'TextQuoteSelector', exact: 'no context, no position' } } }),
  makeAnnotation(4, { id: 'hypothesis:Ab-Cd_12', url: 'https://example.org/a b|c^d?q={x}' }),
  makeAnnotation(5, { id: 'legacy id/with spaces', tags: ['x'] }),
];
// A JSON round trip drops anything that is not JSON, as writing the file would.
const collection = JSON.parse(JSON.stringify(toWebAnnotation(records, { now: NOW }))) as Json;
const page = collection.first as Json;
const items = page.items as Json[];

describe('W3C Web Annotation conformance', () => {
  for (const name of Object.keys(annotationMusts)) {
    it(`every annotation passes ${name}`, () => {
      for (const item of items) {
        expect(
          annotationMusts[name]!({ '@context': collection['@context'], ...item }),
          JSON.stringify(item),
        ).toBe(true);
      }
    });
  }

  for (const name of Object.keys(collectionMusts)) {
    it(`the collection passes ${name}`, () => {
      expect(collectionMusts[name]!(collection)).toBe(true);
    });
  }

  for (const name of Object.keys(pageMusts)) {
    it(`the embedded page passes ${name}`, () => {
      expect(pageMusts[name]!({ '@context': collection['@context'], ...page })).toBe(true);
    });
  }

  it('an empty collection passes the collection checks without a first page', () => {
    const empty = JSON.parse(JSON.stringify(toWebAnnotation([], { now: NOW }))) as Json;
    expect(failing(collectionMusts, empty)).toEqual([]);
    expect(empty.total).toBe(0);
    expect('first' in empty).toBe(false);
  });

  it('counts its annotations in total', () => {
    expect(collection.total).toBe(records.length);
    expect(items).toHaveLength(records.length);
  });

  it('stays valid JSON-LD: every key is an anno.jsonld term or uses the declared gloss: prefix', () => {
    const context = collection['@context'] as unknown[];
    expect(context[0]).toBe(ANNO);
    const local = context[1] as Record<string, string>;
    expect(isUri(local.gloss)).toBe(true);
    // A prefix IRI must end in a gen-delim character to expand compact IRIs.
    expect(local.gloss).toMatch(/[#/:]$/);
    expect(undeclaredKeys(collection, new Set(Object.keys(local)))).toEqual([]);
  });

  it('the checks themselves catch a broken annotation', () => {
    const broken = {
      '@context': 'http://example.com/other.jsonld',
      id: 'not a uri',
      type: 'Note',
      body: [{ format: 'markdown', purpose: 'liking' }],
      bodyValue: 'x',
      target: [{ selector: { type: 'TextPositionSelector', start: -1, end: 2.5 } }],
      created: 'yesterday',
      motivation: 'liking',
    };
    expect(failing(annotationMusts, broken)).toEqual([
      '3.1-annotationContextValidated',
      '3.1-annotationIdValidated',
      '3.1-annotationTypeValidated',
      '3.2-targetObjectsRecognized',
      '3.2.5-notBodyBodyValue',
      '3.2-bodyObjectsRecognized',
      '3.3.1-annotationCreatedValidated',
      '3.2.1-bodyFormatValidated',
      '3.3.5-bodyPurposeRecognized',
      '3.3.5-annotationMotivationRecognized',
      '4.2.5-textPositionSelectorValidated',
    ]);
    expect(failing(collectionMusts, { type: 'Collection', total: 3 })).toContain(
      '5.1-collectionFirstRequiredIfTotalMoreThanZero',
    );
  });
});
