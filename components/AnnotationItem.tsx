/**
 * One annotation in a list (popup, side panel, library): its quote, note and status, with
 * the actions its host offers. Editing expands it into a NoteCard in place.
 */
import { useContext, useState } from 'preact/hooks';
import { ColorLabelsContext, colorName } from '@/lib/settings/labels';
import type { AnchorStatus, Annotation, HighlightColor } from '@/lib/types';
import { SWATCH_FILL } from './ColorSwatches';
import { MarkdownView } from './MarkdownView';
import { type DraftKeeper, NoteCard } from './NoteCard';

/** A tick box on the item, for choosing annotations (the library's export selection). */
export interface ItemSelection {
  checked: boolean;
  onChange: (checked: boolean) => void;
}

export interface ItemActions {
  onGo?: () => void;
  goLabel?: string;
  /** `baseNote`: the stored note the edit started from (see NoteCard). */
  onSave?: (note: string, tags: string[], baseNote: string) => Promise<void> | void;
  /** Keeps what is typed until it is saved. */
  drafts?: DraftKeeper;
  onColor?: (color: HighlightColor) => void;
  onDelete?: () => void;
  onAccept?: () => void;
  onReattach?: () => void;
}

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const clip = (text: string) => (text.length > 60 ? `${text.slice(0, 60).trimEnd()}…` : text);

function statusWords(status?: AnchorStatus): string | undefined {
  if (status?.kind === 'fuzzy') return 'Text changed';
  if (status?.kind === 'exact' && status.moved) return 'Moved';
  if (status?.kind === 'orphan') return 'Not found on page';
  return undefined;
}

function StatusBadge({ status }: { status?: AnchorStatus }) {
  const words = statusWords(status);
  if (!words) return null;
  return <span class={status?.kind === 'orphan' ? 'status status-orphan' : 'status'}>{words}</span>;
}

/**
 * For a list worked by keyboard (the side panel): the item itself takes focus, one item of
 * the list at a time in the tab order (a roving tabindex), and its editor opens on command.
 */
export interface ItemKeyboard {
  tabIndex: 0 | -1;
  editing: boolean;
  onEditingChange: (editing: boolean) => void;
}

export function AnnotationItem({
  annotation,
  status,
  actions,
  selection,
  keyboard,
}: {
  annotation: Annotation;
  status?: AnchorStatus;
  actions: ItemActions;
  selection?: ItemSelection;
  keyboard?: ItemKeyboard;
}) {
  const [editingHere, setEditingHere] = useState(false);
  const editing = keyboard ? keyboard.editing : editingHere;
  const setEditing = keyboard ? keyboard.onEditingChange : setEditingHere;
  const labels = useContext(ColorLabelsContext);
  const color = colorName(annotation.color, labels);
  const words = statusWords(status);
  // Focusable items are named by what a reader tells them apart by; colour is said in words.
  const itemProps = keyboard
    ? {
        tabIndex: keyboard.tabIndex,
        'aria-label': `${color}${words ? `, ${words}` : ''}: ${clip(annotation.target.quote.exact)}`,
      }
    : {};
  if (editing && actions.onSave && actions.onColor && actions.onDelete) {
    return (
      <li class="item" data-annotation-id={annotation.id} {...itemProps}>
        <NoteCard
          annotation={annotation}
          startEditing
          onSave={async (note, tags, baseNote) => {
            await actions.onSave?.(note, tags, baseNote);
            setEditing(false);
          }}
          drafts={actions.drafts}
          onColor={actions.onColor}
          onDelete={actions.onDelete}
          onClose={() => setEditing(false)}
        />
      </li>
    );
  }
  return (
    <li class="item" data-annotation-id={annotation.id} {...itemProps}>
      <div class="item-head">
        {selection && (
          <input
            type="checkbox"
            class="item-select"
            checked={selection.checked}
            aria-label={`Select “${clip(annotation.target.quote.exact)}”`}
            onChange={(e) => selection.onChange(e.currentTarget.checked)}
          />
        )}
        <span class="dot" style={{ background: SWATCH_FILL[annotation.color] }} aria-hidden="true" />
        <span class="item-color">{color}</span>
        <time dateTime={annotation.created}>{when(annotation.created)}</time>
        <StatusBadge status={status} />
      </div>
      <div class="card">
        {actions.onGo ? (
          <button
            type="button"
            class="quote quote-button"
            onClick={actions.onGo}
            title={actions.goLabel ?? 'Show in page'}
          >
            {annotation.target.quote.exact}
          </button>
        ) : (
          <blockquote class="quote">{annotation.target.quote.exact}</blockquote>
        )}
        {status?.kind === 'fuzzy' && (
          <p class="changed">
            Now reads: <q>{status.text}</q>
          </p>
        )}
        {status?.kind === 'orphan' && (
          <p class="changed">
            Was: …{annotation.target.quote.prefix}
            <mark>{annotation.target.quote.exact}</mark>
            {annotation.target.quote.suffix}…
          </p>
        )}
        {annotation.note.trim() && <MarkdownView source={annotation.note} offerImages />}
        {annotation.tags.length > 0 && (
          <ul class="tags" aria-label="Tags">
            {annotation.tags.map((tag) => (
              <li key={tag}>{tag}</li>
            ))}
          </ul>
        )}
        <div class="card-actions">
          {actions.onAccept && (
            <button type="button" onClick={actions.onAccept}>
              Accept new text
            </button>
          )}
          {actions.onReattach && (
            <button type="button" onClick={actions.onReattach} title="Select the passage in the page first">
              Re-attach to selection
            </button>
          )}
          <span class="spacer" />
          {actions.onSave && (
            <button type="button" onClick={() => setEditing(true)}>
              {annotation.note.trim() ? 'Edit note' : 'Add note'}
            </button>
          )}
          {actions.onDelete && (
            <button type="button" class="danger" onClick={actions.onDelete}>
              Delete
            </button>
          )}
        </div>
      </div>
    </li>
  );
}
