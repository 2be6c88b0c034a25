/** File names for downloads: dated by the reader's local day so a day's exports sort together. */
import { localDay } from './pages';

export type ExportFormat = 'md' | 'json' | 'csv' | 'html';

export function exportFileName(format: ExportFormat, now: Date): string {
  return `gloss-${localDay(now)}.${format}`;
}
