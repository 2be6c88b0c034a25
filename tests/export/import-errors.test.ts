import { describe, expect, it } from 'vitest';
import { parseImport, toCsv, toMarkdown, toWebAnnotation } from '../../lib/export';
import { makeAnnotation, NOW } from './fixtures';

function error(text: string): string {
  const result = parseImport(text);
  if (result.ok) throw new Error('expected the import to fail');
  return result.error;
}

const exported = () =>
  JSON.parse(
    JSON.stringify(
      toWebAnnotation(
        [1, 2, 3].map((n) => makeAnnotation(n)),
        { now: NOW },
      ),
    ),
  );

describe('parseImport refuses what it cannot read, and says why', () => {
  it('an empty file', () => {
    expect(error('')).toBe('The file is empty.');
    expect(error(' \n\t ')).toBe('The file is empty.');
  });

  it('a truncated or damaged JSON file', () => {
    const text = JSON.stringify(exported());
    expect(error(text.slice(0, Math.floor(text.length / 2)))).toMatch(
      /^The file is not valid JSON; it may be cut short or damaged \(.+\)\.$/,
    );
    expect(error('{"type": "AnnotationCollection",}')).toMatch(/not valid JSON/);
  });

  it('a file that is not JSON at all', () => {
    for (const text of [
      toCsv([makeAnnotation(1)]),
      toMarkdown([makeAnnotation(1)], { now: NOW }),
      '<!doctype html>',
    ]) {
      expect(error(text)).toBe(
        'This file is not JSON (it may be CSV, Markdown or HTML). Gloss can import its own JSON export, W3C Web Annotations and Hypothesis JSON.',
      );
    }
  });

  it('JSON that holds no annotations', () => {
    for (const text of ['{"name": "package", "version": "1.0.0"}', '42', 'null', '"text"']) {
      expect(error(text)).toMatch(/^This JSON file does not contain annotations\./);
    }
  });

  it('a collection whose pages are elsewhere', () => {
    expect(
      error('{"type": "AnnotationCollection", "total": 5, "first": "https://example.org/page1"}'),
    ).toMatch(/only links to its pages/);
    const partial = { type: 'AnnotationPage', next: 'https://example.org/page2', items: [] };
    expect(error(JSON.stringify(partial))).toMatch(/one page of a larger collection/);
  });

  it('a damaged entry, named by position and id, and nothing imported', () => {
    const file = exported();
    file.first.items[1].target.selector[0].exact = 42;
    expect(error(JSON.stringify(file))).toBe(
      'Entry 2 of 3 (id "urn:uuid:00000000-0000-4000-8000-000000000002") is not a valid annotation: ' +
        'target.0.selector.0.exact: expected string, found 42. Nothing was imported.',
    );
  });

  it('a missing field and a bad date', () => {
    const file = exported();
    delete file.first.items[0].target;
    expect(error(JSON.stringify(file))).toMatch(
      /^Entry 1 of 3 \(id "[^"]+"\) is not a valid annotation: target is missing\. Nothing/,
    );
    const dated = exported();
    dated.first.items[2].modified = 'last Tuesday';
    expect(error(JSON.stringify(dated))).toContain(
      'Entry 3 of 3 (id "urn:uuid:00000000-0000-4000-8000-000000000003") is not a valid annotation: modified: "last Tuesday" is not a date and time.',
    );
  });

  it('a date that has the right shape but does not exist', () => {
    const file = exported();
    file.first.items[0].created = '2024-13-45T00:00:00Z';
    expect(error(JSON.stringify(file))).toContain('created: "2024-13-45T00:00:00Z" is not a real date.');
  });

  it('a position that ends before it starts, and an unknown selector shape', () => {
    const file = exported();
    file.first.items[0].target.selector[1] = { type: 'TextPositionSelector', start: 9, end: 3 };
    expect(error(JSON.stringify(file))).toContain('target.0.selector.1: the passage ends before it starts');
    const untyped = exported();
    untyped.first.items[0].target.selector.push({ exact: 'no type' });
    expect(error(JSON.stringify(untyped))).toContain('target.0.selector.2.type is missing');
  });

  it('a body that is neither text nor an object', () => {
    const file = exported();
    file.first.items[0].body = [5];
    expect(error(JSON.stringify(file))).toContain(
      'not a valid annotation: body.0: expected (string | Object), found 5.',
    );
  });

  it('a selector with no page to apply it to', () => {
    const file = exported();
    delete file.first.items[0].target.source;
    expect(error(JSON.stringify(file))).toContain('is not a valid annotation: target.source is missing.');
  });

  it('an entry that is no annotation at all', () => {
    expect(error(JSON.stringify([{ hello: 'world' }]))).toBe(
      'Entry 1 of 1 is not a valid annotation: it is neither a W3C Web Annotation nor a Hypothesis annotation. Nothing was imported.',
    );
  });

  it('a Hypothesis row with a wrong field', () => {
    const row = {
      id: 'x1',
      uri: 'https://example.com/',
      created: '2023-01-01T00:00:00Z',
      updated: 7,
      target: [],
    };
    expect(error(JSON.stringify({ total: 1, rows: [row] }))).toBe(
      'Entry 1 of 1 (id "x1") is not a valid annotation: updated: expected string, found 7. Nothing was imported.',
    );
  });

  it('an annotation Gloss could not store', () => {
    const tags = Array.from({ length: 101 }, (_, i) => `tag${i}`);
    const text = JSON.stringify(toWebAnnotation([makeAnnotation(1, { tags })], { now: NOW }));
    expect(error(text)).toMatch(
      /^Entry 1 of 1 \(id "[^"]+"\) cannot be stored: tags: .+\. Nothing was imported\.$/,
    );
  });
});
