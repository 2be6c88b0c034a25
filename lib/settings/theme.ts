/**
 * The theme setting on a page's root element: `data-theme="system|light|dark"`, which
 * components/styles.css and the in-page UI (lib/annotator/page-ui-css.ts) turn into a
 * `color-scheme`; "system" leaves it to `prefers-color-scheme`.
 */
import { follow } from './follow';
import { THEMES, type Theme, theme } from './index';

/** A stored value as a theme; anything unknown is "system". */
export function asTheme(value: unknown): Theme {
  return THEMES.find((known) => known === value) ?? 'system';
}

export function applyTheme(root: HTMLElement, value: unknown): void {
  root.setAttribute('data-theme', asTheme(value));
}

/** Applies the theme setting to `root` now and on every change; returns the unwatch. */
export function followTheme(root: HTMLElement): () => void {
  return follow(theme, (value) => applyTheme(root, value));
}
