/**
 * One annotation in the library: tick box, colour by name, date, the quote and note with
 * the searched words marked, tags (each one a filter), and Open, Edit and Delete. Edit
 * turns the row into a NoteCard in place.
 */
import { useContext } from 'preact/hooks';
import { ColorLabelsContext, colorName } from '@/lib/settings/labels';
import type { Annotation, HighlightColor } from '@/lib/types';
import { SWATCH_FILL } from '../ColorSwatches';
import { MarkdownView } from '../MarkdownView';
import { type DraftKeeper, NoteCard } from '../NoteCard';
import { MarkedText } from './MarkedText';

export interface RowActions {
  onSelect: (on: boolean, range: boolean) => void;
  onOpen: () => void;
  onEdit: (editing: boolean) => void;
  onSave: (note: string, tags: string[], baseNote: string) => Promise<void>;
  onColor: (color: HighlightColor) => void;
  onDelete: () => void;
  onTag: (tag: string) => void;
  drafts: DraftKeeper;
}

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const clip = (text: string) => (text.length > 60 ? `${text.slice(0, 60).trimEnd()}…` : text);

export function LibraryRow({
  annotation,
  selected,
  editing,
  orphan,
  pattern,
  actions,
}: {
  annotation: Annotation;
  selected: boolean;
  editing: boolean;
  orphan: boolean;
  pattern?: RegExp;
  actions: RowActions;
}) {
  const labels = useContext(ColorLabelsContext);
  if (editing) {
    return (
      <div class="item editing" data-annotation-id={annotation.id}>
        <NoteCard
          annotation={annotation}
          startEditing
          drafts={actions.drafts}
          onSave={async (note, tags, baseNote) => {
            await actions.onSave(note, tags, baseNote);
            actions.onEdit(false);
          }}
          onColor={actions.onColor}
          onDelete={actions.onDelete}
          onClose={() => actions.onEdit(false)}
        />
      </div>
    );
  }
  const color = colorName(annotation.color, labels);
  return (
    <article class="item" data-annotation-id={annotation.id} aria-label={clip(annotation.target.quote.exact)}>
      <div class="item-head">
        <input
          type="checkbox"
          class="item-select"
          checked={selected}
          aria-label={`Select “${clip(annotation.target.quote.exact)}”`}
          onClick={(e) => {
            if (!e.isTrusted) return;
            actions.onSelect(e.currentTarget.checked, e.shiftKey);
          }}
        />
        <span class="dot" style={{ background: SWATCH_FILL[annotation.color] }} aria-hidden="true" />
        <span class="color-name">{color}</span>
        <time dateTime={annotation.created}>{when(annotation.created)}</time>
        {orphan && <span class="status status-orphan">Not found on page</span>}
      </div>
      <div class="card">
        <blockquote class="quote">
          <MarkedText text={annotation.target.quote.exact} pattern={pattern} />
        </blockquote>
        {annotation.note.trim() &&
          (pattern ? (
            <p class="note-text">
              <MarkedText text={annotation.note} pattern={pattern} />
            </p>
          ) : (
            <MarkdownView source={annotation.note} offerImages />
          ))}
        {annotation.tags.length > 0 && (
          <ul class="tags" aria-label="Tags">
            {annotation.tags.map((tag) => (
              <li key={tag}>
                <button
                  type="button"
                  class="tag"
                  title={`Show only “${tag}”`}
                  onClick={() => actions.onTag(tag)}
                >
                  <MarkedText text={tag} pattern={pattern} />
                </button>
              </li>
            ))}
          </ul>
        )}
        <div class="card-actions">
          <button type="button" onClick={actions.onOpen} title="Open the page at this passage">
            Open
          </button>
          <span class="spacer" />
          <button type="button" onClick={() => actions.onEdit(true)}>
            {annotation.note.trim() ? 'Edit note' : 'Add note'}
          </button>
          <button type="button" class="danger" onClick={actions.onDelete}>
            Delete
          </button>
        </div>
      </div>
    </article>
  );
}
