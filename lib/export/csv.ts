/**
 * CSV export for spreadsheets: RFC 4180 (CRLF after every record, fields quoted where
 * needed), one row per highlight. Cells are neutralised against formula injection, because a
 * quoted passage or a note that starts with "=" would otherwise run when the file is opened.
 */
import Papa from 'papaparse';
import type { Annotation } from '../types';
import { type ExportColorLabels, exportColorName } from './color-name';

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

/**
 * Starts that spreadsheets read as a formula (OWASP's list). Papaparse's own default pattern
 * ends in `.*$` without the s flag, so it misses a formula followed by a line break.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function toCsv(annotations: readonly Annotation[], labels: ExportColorLabels = {}): string {
  const rows = annotations.map((a) => [
    a.id,
    a.title,
    a.url,
    a.target.quote.exact,
    a.target.quote.prefix ?? '',
    a.target.quote.suffix ?? '',
    a.note,
    a.tags.join('; '),
    exportColorName(a.color, labels),
    a.created,
    a.modified,
  ]);
  const csv = Papa.unparse(
    { fields: HEADER, data: rows },
    { newline: '\r\n', escapeFormulae: FORMULA_START, header: true },
  );
  // Papaparse ends a header-only file with a line break but no other; end them all alike.
  return csv.endsWith('\r\n') ? csv : `${csv}\r\n`;
}
