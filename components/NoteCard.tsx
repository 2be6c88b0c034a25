/**
 * The card of one annotation: its note rendered, an editor (Ctrl/Cmd+Enter saves, Escape
 * closes), its colour and tags, and delete. Used in the in-page frame and the side panel.
 */
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { ColorLabelsContext, colorName } from '@/lib/settings/labels';
import type { Annotation, HighlightColor } from '@/lib/types';
import { ColorSwatches } from './ColorSwatches';
import { MarkdownView } from './MarkdownView';
import { TagInput } from './TagInput';

/** Where typed text is kept until it is saved (lib/pages/drafts.ts); absent in tests and read-only views. */
export interface DraftKeeper {
  load(id: string): Promise<{ note: string; tags: string; baseNote: string } | undefined>;
  save(id: string, draft: { note: string; tags: string; baseNote: string }): void;
  clear(id: string): void;
}

interface Props {
  annotation: Annotation;
  startEditing: boolean;
  /** Saves; `baseNote` is the stored note the edit started from, so an edit made elsewhere meanwhile is refused, not overwritten. A rejection keeps the editor open with the text. */
  onSave: (note: string, tags: string[], baseNote: string) => Promise<void> | void;
  onColor: (color: HighlightColor) => void;
  onDelete: () => void;
  onClose?: () => void;
  error?: string;
  drafts?: DraftKeeper;
}

export const parseTags = (text: string) => [
  ...new Set(
    text
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
  ),
];

export function NoteCard({
  annotation,
  startEditing,
  onSave,
  onColor,
  onDelete,
  onClose,
  error,
  drafts,
}: Props) {
  const [editing, setEditing] = useState(startEditing);
  const [draft, setDraft] = useState(annotation.note);
  const [tags, setTags] = useState(annotation.tags.join(', '));
  // The stored note this edit started from; when the stored note moves away from it, another
  // view edited the note meanwhile and both texts are shown.
  const [baseNote, setBaseNote] = useState(annotation.note);
  const [notice, setNotice] = useState<string>();
  const [previewing, setPreviewing] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const card = useRef<HTMLElement>(null);
  const labels = useContext(ColorLabelsContext);

  useEffect(() => {
    // Focus stays in the card after saving, so that Escape and Tab keep working there.
    if (editing) field.current?.focus();
    else if (card.current?.contains(card.current.ownerDocument.activeElement) === false) card.current.focus();
  }, [editing]);

  // A draft left by Escape, a failed save or a closed card comes back where it was left.
  useEffect(() => {
    let live = true;
    void drafts?.load(annotation.id).then((kept) => {
      if (!live || !kept) return;
      if (kept.note === annotation.note && kept.tags === annotation.tags.join(', ')) {
        drafts.clear(annotation.id); // saved after all: its clear was lost
        return;
      }
      setDraft(kept.note);
      setTags(kept.tags);
      setBaseNote(kept.baseNote);
      setEditing(true);
      setNotice('Your unsaved note was restored.');
    });
    return () => {
      live = false;
    };
    // Once per opening (or another annotation): the stored note is compared at that moment only.
  }, [annotation.id, drafts]);

  const keep = (note: string, tagText: string) =>
    drafts?.save(annotation.id, { note, tags: tagText, baseNote });
  const beginEdit = () => {
    setDraft(annotation.note);
    setTags(annotation.tags.join(', '));
    setBaseNote(annotation.note);
    setEditing(true);
  };
  const conflict = editing && annotation.note !== baseNote && annotation.note !== draft;

  const save = async (base = baseNote) => {
    try {
      await onSave(draft, parseTags(tags), base);
    } catch {
      return; // the host shows why; the text stays in the editor and in the draft
    }
    drafts?.clear(annotation.id);
    setNotice(undefined);
    setEditing(false);
  };
  const discard = () => {
    drafts?.clear(annotation.id);
    setNotice(undefined);
    setDraft(annotation.note);
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
  // It closes without discarding: what was typed stays as a draft for the next opening.
  const keyUp = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
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
            hidden={previewing}
            placeholder="Write a note (Markdown). Ctrl+Enter saves, Escape closes."
            value={draft}
            onInput={(e) => {
              setDraft(e.currentTarget.value);
              keep(e.currentTarget.value, tags);
            }}
          />
          {previewing && (
            <section class="note-preview" aria-label="Preview of the note">
              {draft.trim() ? <MarkdownView source={draft} /> : <p class="empty-note">Nothing to preview.</p>}
            </section>
          )}
          <button
            type="button"
            class="preview-toggle"
            aria-pressed={previewing}
            onClick={() => {
              setPreviewing(!previewing);
              if (previewing) queueMicrotask(() => field.current?.focus());
            }}
          >
            Preview
          </button>
          <TagInput
            id={`tags-${annotation.id}`}
            value={tags}
            onInput={(value) => {
              setTags(value);
              keep(draft, value);
            }}
          />
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
      {conflict && (
        <div class="conflict" role="alert">
          <p>This note was changed in another view while you were editing. The other version:</p>
          <MarkdownView source={annotation.note} />
          <div class="card-actions">
            <button type="button" onClick={() => void save(annotation.note)}>
              Save mine instead
            </button>
            <button
              type="button"
              onClick={() => {
                setDraft(annotation.note);
                setBaseNote(annotation.note);
                keep(annotation.note, tags);
              }}
            >
              Use the other version
            </button>
          </div>
        </div>
      )}
      {notice && !error && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {error && !conflict && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="card-actions">
        <ColorSwatches value={annotation.color} onChange={onColor} />
        {/* The colour in words too, with the reader's label for it. */}
        <span class="color-name">{colorName(annotation.color, labels)}</span>
        <span class="spacer" />
        {editing ? (
          <>
            <button type="button" onClick={discard}>
              Discard
            </button>
            <button type="button" class="primary" onClick={() => void save()}>
              Save
            </button>
          </>
        ) : (
          <button type="button" onClick={beginEdit}>
            {annotation.note.trim() ? 'Edit note' : 'Add note'}
          </button>
        )}
        <button
          type="button"
          class="danger"
          onClick={() => {
            drafts?.clear(annotation.id);
            onDelete();
          }}
        >
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
