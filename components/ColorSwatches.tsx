/**
 * A row of colour choices: a radio group, so screen readers announce each colour by name,
 * with the reader's label for it when there is one (ColorLabelsContext).
 */
import { useContext } from 'preact/hooks';
import { ColorLabelsContext, colorName } from '@/lib/settings/labels';
import { HIGHLIGHT_COLORS, type HighlightColor } from '@/lib/types';

export const SWATCH_FILL: Record<HighlightColor, string> = {
  yellow: '#ffd600',
  green: '#4cc85a',
  blue: '#4299ff',
  pink: '#ff5ca0',
  purple: '#a064ff',
};

interface Props {
  value: HighlightColor;
  onChange: (color: HighlightColor) => void;
  label?: string;
}

export function ColorSwatches({ value, onChange, label = 'Highlight colour' }: Props) {
  const labels = useContext(ColorLabelsContext);
  // Page scripts can dispatch clicks and keys into the in-page toolbar: only a person's count.
  const move = (event: KeyboardEvent) => {
    if (!event.isTrusted) return;
    const step =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? 1
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? -1
          : 0;
    if (!step) return;
    event.preventDefault();
    const index = HIGHLIGHT_COLORS.indexOf(value);
    const next =
      HIGHLIGHT_COLORS[(index + step + HIGHLIGHT_COLORS.length) % HIGHLIGHT_COLORS.length] ?? value;
    onChange(next);
    const group = event.currentTarget as HTMLElement;
    queueMicrotask(() => group.querySelector<HTMLElement>(`[data-color="${next}"]`)?.focus());
  };
  return (
    <div class="swatches" role="radiogroup" aria-label={label} onKeyDown={move}>
      {HIGHLIGHT_COLORS.map((color) => (
        // biome-ignore lint/a11y/useSemanticElements: a roving-tabindex radio group of painted buttons; native radios cannot show the swatch.
        <button
          type="button"
          key={color}
          role="radio"
          class="swatch"
          data-color={color}
          aria-checked={color === value}
          aria-label={colorName(color, labels)}
          title={colorName(color, labels)}
          tabIndex={color === value ? 0 : -1}
          style={{ background: SWATCH_FILL[color] }}
          onClick={(event) => event.isTrusted && onChange(color)}
        />
      ))}
    </div>
  );
}
