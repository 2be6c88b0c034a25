/** A colour as exports write it: its name, and the reader's label for it when there is one. */
import { COLOR_LABELS, type HighlightColor } from '../types';

export type ExportColorLabels = Partial<Record<HighlightColor, string>>;

export function exportColorName(color: HighlightColor, labels: ExportColorLabels = {}): string {
  const name = COLOR_LABELS[color] ?? color;
  const label = labels[color]?.trim();
  return label ? `${name} (${label})` : name;
}
