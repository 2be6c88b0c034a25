/**
 * The reader's settings as the in-page annotator follows them, live: theme, colour labels,
 * margin notes, the colour for new highlights, and whether Gloss is off for this site.
 * The content script awaits the first reading before it draws, so a page never shows the
 * fallbacks first.
 */
import { colorLabels, currentColor, disabledSites, marginNotes, type Theme, theme } from '../settings';
import { track } from '../settings/follow';
import { type ColorLabels, cleanLabels } from '../settings/labels';
import { isSiteOff } from '../settings/sites';
import { asTheme } from '../settings/theme';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../types';

export interface SettingsTarget {
  theme(theme: Theme): void;
  labels(labels: ColorLabels): void;
  marginNotes(on: boolean): void;
  color(color: HighlightColor): void;
  /** The reader turned Gloss off for this site (called once at most). */
  siteOff(): void;
}

/** Applies every setting to `target` now and on each change, until `signal` ends. */
export async function followSettings(
  target: SettingsTarget,
  site: string,
  signal: AbortSignal,
): Promise<void> {
  let off = false;
  const tracked = [
    track(theme, (value) => target.theme(asTheme(value))),
    track(colorLabels, (value) => target.labels(cleanLabels(value))),
    track(marginNotes, (value) => target.marginNotes(value !== false)),
    track(currentColor, (value) => HIGHLIGHT_COLORS.includes(value) && target.color(value)),
    track(disabledSites, (value) => {
      if (off || !isSiteOff(value, site)) return;
      off = true;
      target.siteOff();
    }),
  ];
  signal.addEventListener('abort', () => {
    for (const { stop } of tracked) stop();
  });
  await Promise.all(tracked.map(({ ready }) => ready));
}
