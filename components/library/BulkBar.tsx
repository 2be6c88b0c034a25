/** What can be done to the selected annotations at once: tag, untag, recolour, delete. */
import { useState } from 'preact/hooks';
import { formatCount } from '@/lib/pages/import-report';
import type { HighlightColor } from '@/lib/types';
import { ColorSwatches } from '../ColorSwatches';
import { parseTags } from '../NoteCard';
import { TagInput } from '../TagInput';

interface Props {
  count: number;
  onAddTags: (tags: string[]) => void;
  onRemoveTags: (tags: string[]) => void;
  onColor: (color: HighlightColor) => void;
  onDelete: () => void;
  onClear: () => void;
}

export function BulkBar({ count, onAddTags, onRemoveTags, onColor, onDelete, onClear }: Props) {
  const [tags, setTags] = useState('');
  const [color, setColor] = useState<HighlightColor>('yellow');
  if (count === 0) return null;
  const chosen = parseTags(tags);
  return (
    <section class="bulk-bar" aria-label="Selected annotations">
      <strong>{formatCount(count)} selected</strong>
      <form
        class="bulk-tags"
        onSubmit={(e) => {
          e.preventDefault();
          if (chosen.length === 0) return;
          onAddTags(chosen);
          setTags('');
        }}
      >
        <TagInput id="bulk-tags" label="Tags" placeholder="tag, another" value={tags} onInput={setTags} />
        <button type="submit" disabled={chosen.length === 0}>
          Add tags
        </button>
        <button
          type="button"
          disabled={chosen.length === 0}
          onClick={() => {
            onRemoveTags(chosen);
            setTags('');
          }}
        >
          Remove tags
        </button>
      </form>
      <div class="bulk-color">
        <ColorSwatches value={color} onChange={setColor} label="Colour for the selection" />
        <button type="button" onClick={() => onColor(color)}>
          Recolour
        </button>
      </div>
      <button type="button" class="danger" onClick={onDelete}>
        Delete {formatCount(count)}
      </button>
      <button type="button" onClick={onClear}>
        Clear selection
      </button>
    </section>
  );
}
