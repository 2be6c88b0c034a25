import { describe, expect, it } from 'vitest';
import { mergeForImport, parseImport, toWebAnnotation } from '../../lib/export';
import type { Annotation } from '../../lib/types';
import { makeAnnotation, NOW } from './fixtures';

const records: Annotation[] = [
  makeAnnotation(1),
  makeAnnotation(2, {
    note: '# Heading\n\n- item\n\n  indented  ',
    tags: ['one', 'two', 'one'],
    color: 'purple',
  }),
  makeAnnotation(3, { target: { quote: { type: 'TextQuoteSelector', exact: 'bare quote' } }, title: '' }),
  makeAnnotation(4, {
    id: 'hypothesis:Ab-Cd_12',
    url: 'https://x.org/p|q?a=^&utm_medium=mail',
    color: 'pink',
  }),
  makeAnnotation(5, { id: 'legacy id', title: 'Ünïcödé – 漢字 🦊', modified: '2025-01-01T08:30:00.000Z' }),
  makeAnnotation(6, {
    id: 'http://example.org/anno/6',
    target: { quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' } },
  }),
];

function imported(text: string): Annotation[] {
  const result = parseImport(text);
  if (!result.ok) throw new Error(result.error);
  expect(result.skipped).toEqual([]);
  return result.annotations;
}

describe("parseImport of Gloss's own export", () => {
  it('gives back exactly the records that were exported', () => {
    expect(imported(JSON.stringify(toWebAnnotation(records, { now: NOW })))).toStrictEqual(records);
  });

  it('reads a pretty-printed file with a byte-order mark the same way', () => {
    const text = `\uFEFF${JSON.stringify(toWebAnnotation(records, { now: NOW }), null, 2)}\n`;
    expect(imported(text)).toStrictEqual(records);
  });

  it('reads an empty export as no annotations', () => {
    expect(imported(JSON.stringify(toWebAnnotation([], { now: NOW })))).toEqual([]);
  });

  it('is idempotent: importing the same file again changes nothing', () => {
    const text = JSON.stringify(toWebAnnotation(records, { now: NOW }));
    const stored = new Map(imported(text).map((a) => [a.id, a]));
    for (const annotation of imported(text))
      expect(mergeForImport(stored.get(annotation.id), annotation)).toBeNull();
  });

  it('recomputes the page key from the address, so imported notes show on their page', () => {
    const [annotation] = imported(JSON.stringify(toWebAnnotation([records[3]!], { now: NOW })));
    expect(annotation?.pageKey).toBe(records[3]?.pageKey);
    expect(annotation?.pageKey).not.toContain('utm_medium');
  });

  it('falls back to yellow for a colour this version does not know', () => {
    const collection = toWebAnnotation([makeAnnotation(1)], { now: NOW });
    const json = JSON.parse(JSON.stringify(collection)) as { first: { items: Record<string, unknown>[] } };
    json.first.items[0]!['gloss:color'] = 'ultraviolet';
    expect(imported(JSON.stringify(json))[0]?.color).toBe('yellow');
  });

  it('keeps the newer copy when a file lists one annotation twice', () => {
    const older = makeAnnotation(1, { note: 'old' });
    const newer = makeAnnotation(1, { note: 'new', modified: '2025-02-01T00:00:00.000Z' });
    const result = parseImport(JSON.stringify(toWebAnnotation([newer, older], { now: NOW })));
    expect(result.ok && result.annotations).toStrictEqual([newer]);
    expect(result.ok && result.skipped.map((s) => s.reason)).toEqual([
      expect.stringMatching(/^Entry 2 of 2 .* was skipped: it repeats an id already in this file/),
    ]);
  });
});

describe('mergeForImport', () => {
  const stored = makeAnnotation(1, { note: 'stored', modified: '2025-01-10T00:00:00.000Z' });

  it('takes the incoming record when there is none stored', () => {
    expect(mergeForImport(undefined, stored)).toBe(stored);
  });

  it('takes the incoming record when it is newer', () => {
    const incoming = { ...stored, note: 'newer', modified: '2025-01-11T00:00:00.000Z' };
    expect(mergeForImport(stored, incoming)).toBe(incoming);
  });

  it('changes nothing when the incoming record is older or as new', () => {
    expect(
      mergeForImport(stored, { ...stored, note: 'older', modified: '2025-01-09T00:00:00.000Z' }),
    ).toBeNull();
    expect(mergeForImport(stored, { ...stored, note: 'same time' })).toBeNull();
    expect(mergeForImport(stored, { ...stored })).toBeNull();
  });

  it('compares times, not strings, and never prefers an unreadable date', () => {
    const offset = { ...stored, modified: '2025-01-10T01:00:00+02:00' };
    expect(mergeForImport(stored, offset)).toBeNull();
    expect(mergeForImport(stored, { ...stored, modified: 'garbage' })).toBeNull();
    expect(mergeForImport({ ...stored, modified: 'garbage' }, stored)).toBe(stored);
  });
});
