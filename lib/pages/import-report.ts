/**
 * The words the library shows about an import: its progress and its outcome. Pure, so the
 * wording is tested once and the component only displays it.
 */
import type { ImportCounts } from '../db/import';

/** Gloss speaks English, so numbers are grouped the English way: 50,000. */
export const formatCount = (n: number): string => n.toLocaleString('en-US');

export function progressText(done: number, total: number): string {
  return `Importing ${formatCount(done)} of ${formatCount(total)}…`;
}

/** "it is a reply to another annotation" out of "Entry 3 of 9 (id "x") was skipped: it is a reply…." */
export function skipCause(reason: string): string {
  const marker = ' was skipped: ';
  const at = reason.indexOf(marker);
  const cause = at === -1 ? reason : reason.slice(at + marker.length);
  return cause.replace(/\.$/, '');
}

const MAX_CAUSES = 3;

/** "Imported 2 new, 1 updated, 0 unchanged; 1 skipped (it is a page note, with no highlighted passage)." */
export function importSummary(
  counts: Pick<ImportCounts, 'added' | 'updated' | 'unchanged'>,
  skipped: readonly { reason: string }[],
): string {
  const head = `Imported ${formatCount(counts.added)} new, ${formatCount(counts.updated)} updated, ${formatCount(counts.unchanged)} unchanged`;
  if (skipped.length === 0) return `${head}.`;
  const causes = [...new Set(skipped.map((s) => skipCause(s.reason)))];
  const shown = causes.slice(0, MAX_CAUSES).join('; ');
  const more = causes.length > MAX_CAUSES ? `; and ${causes.length - MAX_CAUSES} other reasons` : '';
  return `${head}; ${formatCount(skipped.length)} skipped (${shown}${more}).`;
}
