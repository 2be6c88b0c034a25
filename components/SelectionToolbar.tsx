/**
 * The small toolbar beside a page selection. It only reports what the reader chose; the
 * annotator decides what that means. Buttons ignore synthetic clicks from page scripts.
 */
import type { HighlightColor } from '@/lib/types';
import { ColorSwatches } from './ColorSwatches';

interface Props {
  color: HighlightColor;
  onColor: (color: HighlightColor) => void;
  onHighlight: () => void;
  onNote: () => void;
}

const trusted = (action: () => void) => (event: Event) => {
  if (event.isTrusted) action();
};

export function SelectionToolbar({ color, onColor, onHighlight, onNote }: Props) {
  return (
    // Pressing a button must not collapse the page selection it acts on.
    <div class="toolbar" role="toolbar" aria-label="Gloss" onMouseDown={(e) => e.preventDefault()}>
      <ColorSwatches value={color} onChange={onColor} />
      <button type="button" class="action" title="Highlight (H)" onClick={trusted(onHighlight)}>
        Highlight
      </button>
      <button type="button" class="action" title="Add note (N)" onClick={trusted(onNote)}>
        Add note
      </button>
    </div>
  );
}
