/**
 * The reader's own names for the highlight colours (yellow = "key idea"). A label is shown
 * beside the colour's name, never instead of it: colour is never the only signal.
 */
import { createContext } from 'preact';
import { COLOR_LABELS, HIGHLIGHT_COLORS, type HighlightColor } from '../types';

export type ColorLabels = Partial<Record<HighlightColor, string>>;

export const LABEL_MAX_LENGTH = 40;

/** Only known colours with a non-empty label, trimmed and cut to LABEL_MAX_LENGTH. */
export function cleanLabels(raw: unknown): ColorLabels {
  const labels: ColorLabels = {};
  if (typeof raw !== 'object' || raw === null) return labels;
  const given = raw as Record<string, unknown>;
  for (const color of HIGHLIGHT_COLORS) {
    const label = given[color];
    if (typeof label !== 'string') continue;
    const text = label.replace(/\s+/g, ' ').trim().slice(0, LABEL_MAX_LENGTH).trim();
    if (text) labels[color] = text;
  }
  return labels;
}

/** "Yellow (key idea)", or "Yellow" when the colour has no label. */
export function colorName(color: HighlightColor, labels: ColorLabels): string {
  const label = labels[color];
  return label ? `${COLOR_LABELS[color]} (${label})` : COLOR_LABELS[color];
}

/** The labels in force where swatches and cards are drawn; pages and the toolbar provide it. */
export const ColorLabelsContext = createContext<ColorLabels>({});
