/**
 * The card of one annotation: its note rendered, an editor (Ctrl/Cmd+Enter saves, Escape
 * closes), its colour and tags, and delete. Used in the in-page frame and the side panel.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Annotation, HighlightColor } from '@/lib/types';
import { ColorSwatches } from './ColorSwatches';
import { MarkdownView } from './MarkdownView';

interface Props {
  annotation: Annotation;
  startEditing: boolean;
  onSave: (note: string, tags: string[]) => Promise<void> | void;
  onColor: (color: HighlightColor) => void;
  onDelete: () => void;
  onClose?: () => void;
  error?: string;
}

export const parseTags = (text: string) => [
  ...new Set(
    text
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
  ),
];

export function NoteCard({ annotation, startEditing, onSave, onColor, onDelete, onClose, error }: Props) {
  const [editing, setEditing] = useState(startEditing);
  const [draft, setDraft] = useState(annotation.note);
  const [tags, setTags] = useState(annotation.tags.join(', '));
  const field = useRef<HTMLTextAreaElement>(null);
  const card = useRef<HTMLElement>(null);

  useEffect(() => {
    // Focus stays in the card after saving, so that Escape and Tab keep working there.
    if (editing) field.current?.focus();
    else if (card.current?.contains(card.current.ownerDocument.activeElement) === false) card.current.focus();
  }, [editing]);

  const save = async () => {
    await onSave(draft, parseTags(tags));
    setEditing(false);
  };
  const keyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    } else if (event.key === 'Escape') event.preventDefault();
  };
  // Escape acts on key-up: closing removes the in-page frame, and a frame removed between
  // key-down and key-up leaves the browser waiting for a key-up that has nowhere to go.
  const keyUp = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    setDraft(annotation.note);
    setEditing(false);
    onClose?.();
  };

  return (
    <section
      class="card"
      aria-label="Annotation"
      tabIndex={-1}
      ref={card}
      onKeyDown={keyDown}
      onKeyUp={keyUp}
    >
      <blockquote class="quote">{annotation.target.quote.exact}</blockquote>
      {editing ? (
        <div class="editor">
          <label class="sr-only" for={`note-${annotation.id}`}>
            Note
          </label>
          <textarea
            id={`note-${annotation.id}`}
            ref={field}
            class="note-field"
            placeholder="Write a note (Markdown). Ctrl+Enter saves, Escape closes."
            value={draft}
            onInput={(e) => setDraft(e.currentTarget.value)}
          />
          <label class="tags-label">
            Tags
            <input
              class="tags-field"
              value={tags}
              placeholder="comma, separated"
              onInput={(e) => setTags(e.currentTarget.value)}
            />
          </label>
        </div>
      ) : annotation.note.trim() ? (
        <MarkdownView source={annotation.note} offerImages />
      ) : (
        <p class="empty-note">No note yet.</p>
      )}
      {!editing && annotation.tags.length > 0 && (
        <ul class="tags" aria-label="Tags">
          {annotation.tags.map((tag) => (
            <li key={tag}>{tag}</li>
          ))}
        </ul>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="card-actions">
        <ColorSwatches value={annotation.color} onChange={onColor} />
        <span class="spacer" />
        {editing ? (
          <button type="button" class="primary" onClick={() => void save()}>
            Save
          </button>
        ) : (
          <button type="button" onClick={() => setEditing(true)}>
            {annotation.note.trim() ? 'Edit note' : 'Add note'}
          </button>
        )}
        <button type="button" class="danger" onClick={onDelete}>
          Delete
        </button>
        {onClose && (
          <button type="button" aria-label="Close" onClick={onClose}>
            ✕
          </button>
        )}
      </div>
    </section>
  );
}
