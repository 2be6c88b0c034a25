/**
 * The colour for new highlights and the reader's label for each colour (settings page).
 * Labels are written as they are typed; a change made elsewhere (another settings tab)
 * shows in every field but the one being typed in.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { type ColorLabels, cleanLabels, colorName, LABEL_MAX_LENGTH } from '@/lib/settings/labels';
import { COLOR_LABELS, HIGHLIGHT_COLORS, type HighlightColor } from '@/lib/types';
import { ColorSwatches, SWATCH_FILL } from './ColorSwatches';

interface Props {
  color: HighlightColor;
  onColor: (color: HighlightColor) => void;
  labels: ColorLabels;
  onLabels: (labels: ColorLabels) => void;
}

export function ColorSettings({ color, onColor, labels, onLabels }: Props) {
  const [text, setText] = useState<ColorLabels>(labels);
  const fields = useRef<Partial<Record<HighlightColor, HTMLInputElement | null>>>({});
  useEffect(() => {
    setText((typed) => {
      const next = { ...typed };
      for (const c of HIGHLIGHT_COLORS) {
        const field = fields.current[c];
        if (field && field.ownerDocument.activeElement === field) continue;
        next[c] = labels[c] ?? '';
      }
      return next;
    });
  }, [labels]);
  const type = (c: HighlightColor, value: string) => {
    const next = { ...text, [c]: value };
    setText(next);
    onLabels(cleanLabels(next));
  };
  return (
    <section class="settings-section" aria-labelledby="colour-heading">
      <h2 id="colour-heading">Colours</h2>
      <div class="setting-row">
        <span>Colour for new highlights</span>
        <ColorSwatches value={color} onChange={onColor} label="Colour for new highlights" />
        <span class="color-name">{colorName(color, labels)}</span>
      </div>
      <p class="hint">The selection toolbar's colour choice changes it too.</p>
      <h3>Labels</h3>
      <p class="hint">
        Name what each colour means to you, such as “key idea”. The label is shown beside the colour’s name in
        the toolbar and on the note card.
      </p>
      <ul class="label-fields">
        {HIGHLIGHT_COLORS.map((c) => (
          <li key={c}>
            <span class="dot" style={{ background: SWATCH_FILL[c] }} aria-hidden="true" />
            <label for={`label-${c}`}>{COLOR_LABELS[c]}</label>
            <input
              id={`label-${c}`}
              ref={(element) => {
                fields.current[c] = element;
              }}
              class="label-field"
              value={text[c] ?? ''}
              maxLength={LABEL_MAX_LENGTH}
              placeholder="No label"
              onInput={(e) => type(c, e.currentTarget.value)}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
