/**
 * The keys of a list of annotations that is worked by keyboard (the side panel): `j`/`k` and
 * the arrows move between items, Home/End go to the ends, and on an item itself Enter jumps
 * to its passage, `e` edits it and Delete (or Backspace) deletes it. Pure: the view says
 * where the key was pressed and which item is current, and gets back what to do.
 */

export type ListKeyAction =
  | { kind: 'move'; to: number }
  | { kind: 'go' }
  | { kind: 'edit' }
  | { kind: 'delete' };

export interface ListKeyInput {
  key: string;
  isTrusted: boolean;
  /** Someone nearer the target already used the key (a radio group's arrows). */
  defaultPrevented: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** The key went to a text field: it is typing, never a command. */
  inField: boolean;
  /** The key went to an item itself, not to a control inside it (a button has its own Enter). */
  onItem: boolean;
}

const DOWN = new Set(['j', 'ArrowDown']);
const UP = new Set(['k', 'ArrowUp']);

/**
 * What `input` asks of a list of `count` items whose current one is `current` (-1 for none),
 * or null when the key is not the list's to take.
 */
export function listKeyAction(input: ListKeyInput, current: number, count: number): ListKeyAction | null {
  if (!input.isTrusted || input.defaultPrevented || input.inField) return null;
  if (input.ctrlKey || input.metaKey || input.altKey || count <= 0) return null;
  const { key } = input;
  if (DOWN.has(key)) return { kind: 'move', to: current < 0 ? 0 : Math.min(current + 1, count - 1) };
  if (UP.has(key)) return { kind: 'move', to: current < 0 ? 0 : Math.max(current - 1, 0) };
  if (key === 'Home') return { kind: 'move', to: 0 };
  if (key === 'End') return { kind: 'move', to: count - 1 };
  if (!input.onItem || current < 0) return null;
  if (key === 'Enter') return { kind: 'go' };
  if (key === 'e') return { kind: 'edit' };
  if (key === 'Delete' || key === 'Backspace') return { kind: 'delete' };
  return null;
}

/** Whether `target` takes typed text (so that `j`, `e` or Backspace there is typing). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'color', 'range'].includes(type);
}

/**
 * Which item should be current after the list changed: the same one when it is still there,
 * otherwise the one now at its old place (the next after a deletion), or the last.
 */
export function keepCurrent(
  ids: readonly string[],
  current: string | undefined,
  lastIndex: number,
): string | undefined {
  if (ids.length === 0) return undefined;
  if (current !== undefined && ids.includes(current)) return current;
  return ids[Math.min(Math.max(lastIndex, 0), ids.length - 1)];
}
