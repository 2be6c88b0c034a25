/**
 * What every extension page (popup, options, side panel, note frame) takes from the
 * settings, live: the theme on its root element and the colour labels for its swatches.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo } from 'preact/hooks';
import { colorLabels } from './index';
import { ColorLabelsContext, cleanLabels } from './labels';
import { followTheme } from './theme';
import { useSetting } from './use-setting';

export function PageSettings({ children, root }: { children: ComponentChildren; root?: HTMLElement }) {
  useEffect(() => followTheme(root ?? document.documentElement), [root]);
  const stored = useSetting(colorLabels);
  const labels = useMemo(() => cleanLabels(stored), [stored]);
  return <ColorLabelsContext.Provider value={labels}>{children}</ColorLabelsContext.Provider>;
}
