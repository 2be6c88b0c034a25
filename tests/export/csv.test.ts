import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../lib/export';
import { makeAnnotation } from './fixtures';

const HEADER = [
  'id',
  'page title',
  'url',
  'quote',
  'prefix',
  'suffix',
  'note',
  'tags',
  'colour',
  'created',
  'modified',
];

function parse(csv: string): string[][] {
  const result = Papa.parse<string[]>(csv, { newline: '\r\n', skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
}

describe('toCsv', () => {
  it('writes a header and one row per annotation, with CRLF line ends', () => {
    const csv = toCsv([makeAnnotation(1, { tags: ['a', 'b c'], color: 'pink' })]);
    const rows = parse(csv);
    expect(rows[0]).toEqual(HEADER);
    expect(rows[1]).toEqual([
      '00000000-0000-4000-8000-000000000001',
      'An article',
      'https://example.com/article?utm_source=news#intro',
      'the quick brown fox',
      'Once upon a time ',
      ' jumped over',
      '',
      'a; b c',
      'Pink',
      '2024-12-01T12:00:00.000Z',
      '2024-12-01T12:00:00.000Z',
    ]);
    expect(csv.split('\r\n')).toHaveLength(3);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/(^|[^\r])\n/);
  });

  it('quotes cells with quotes, commas and line breaks, and reads them back unchanged', () => {
    const note = 'She said "hi", then left.\nSecond line\r\nThird';
    const title = 'Commas, "quotes" and more';
    const csv = toCsv([makeAnnotation(1, { note, title })]);
    expect(csv).toContain('"She said ""hi"", then left.\nSecond line\r\nThird"');
    const rows = parse(csv);
    expect(rows[1]?.[6]).toBe(note);
    expect(rows[1]?.[1]).toBe(title);
  });

  it('neutralises cells that a spreadsheet would run as a formula', () => {
    const risky = ['=HYPERLINK("http://evil")', '+1+2', '-3', '@SUM(A1)', '\tTab', '\rReturn', '=1\n+2'];
    const rows = parse(toCsv(risky.map((note, i) => makeAnnotation(i, { note, title: note }))));
    risky.forEach((value, i) => {
      expect(rows[i + 1]?.[6]).toBe(`'${value}`);
      expect(rows[i + 1]?.[1]).toBe(`'${value}`);
    });
  });

  it('leaves ordinary cells alone, including ones with a formula character later on', () => {
    const rows = parse(toCsv([makeAnnotation(1, { note: 'a = b + c', tags: ['x-y'] })]));
    expect(rows[1]?.[6]).toBe('a = b + c');
    expect(rows[1]?.[7]).toBe('x-y');
  });

  it('writes only the header for no annotations', () => {
    expect(toCsv([])).toBe(`${HEADER.join(',')}\r\n`);
  });
});
