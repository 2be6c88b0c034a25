/**
 * A comma-separated tag field that offers the reader's existing tags for the word being
 * typed (the ARIA combobox pattern: arrows move through the list, Enter or Tab takes the
 * option, Escape closes the list and leaves the field as typed).
 */
import { useContext, useMemo, useRef, useState } from 'preact/hooks';
import { TagSuggestionsContext } from '@/lib/pages/tag-suggestions';

interface Props {
  id: string;
  value: string;
  onInput: (value: string) => void;
  label?: string;
  placeholder?: string;
}

const MAX_SHOWN = 8;

/** The fragment after the last comma, and the text before it. */
function split(value: string): { head: string; fragment: string } {
  const cut = value.lastIndexOf(',');
  return { head: cut < 0 ? '' : value.slice(0, cut + 1), fragment: value.slice(cut + 1).trim() };
}

export function TagInput({ id, value, onInput, label = 'Tags', placeholder = 'comma, separated' }: Props) {
  const known = useContext(TagSuggestionsContext);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  // The Escape that closed the list must not close the card on its key-up as well.
  const swallowEscape = useRef(false);
  const { head, fragment } = split(value);
  const options = useMemo(() => {
    if (!fragment) return [];
    const taken = new Set(
      head
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    );
    const lower = fragment.toLowerCase();
    return known
      .filter((t) => !taken.has(t) && t.toLowerCase().includes(lower) && t !== fragment)
      .sort((a, b) => Number(!a.toLowerCase().startsWith(lower)) - Number(!b.toLowerCase().startsWith(lower)))
      .slice(0, MAX_SHOWN);
  }, [known, head, fragment]);
  const shown = open && options.length > 0;
  const listId = `${id}-suggestions`;
  const take = (tag: string) => {
    onInput(`${head}${head ? ' ' : ''}${tag}, `);
    setOpen(false);
  };

  return (
    <div class="tag-input">
      <label class="tags-label" for={id}>
        {label}
      </label>
      <input
        id={id}
        class="tags-field"
        value={value}
        placeholder={placeholder}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={listId}
        aria-activedescendant={shown ? `${listId}-${active}` : undefined}
        autocomplete="off"
        onInput={(e) => {
          onInput(e.currentTarget.value);
          setActive(0);
          setOpen(true);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (!e.isTrusted || !shown) return;
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            const step = e.key === 'ArrowDown' ? 1 : -1;
            setActive((i) => (i + step + options.length) % options.length);
          } else if ((e.key === 'Enter' && !e.ctrlKey && !e.metaKey) || e.key === 'Tab') {
            const tag = options[active];
            if (tag === undefined) return;
            e.preventDefault();
            take(tag);
          } else if (e.key === 'Escape') {
            // Closes the list only; a second Escape reaches the card and closes the editor.
            e.preventDefault();
            e.stopPropagation();
            swallowEscape.current = true;
            setOpen(false);
          }
        }}
        onKeyUp={(e) => {
          if (e.key === 'Escape' && swallowEscape.current) {
            swallowEscape.current = false;
            e.stopPropagation();
          }
        }}
      />
      {shown && (
        <div class="tag-suggestions" id={listId} role="listbox" aria-label="Existing tags">
          {options.map((tag, index) => (
            <div
              key={tag}
              tabIndex={-1}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              class={index === active ? 'active' : undefined}
              // Before the field's blur, so the click lands on the option.
              onMouseDown={(e) => {
                e.preventDefault();
                if (e.isTrusted) take(tag);
              }}
            >
              {tag}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
