import { describe, expect, it } from 'vitest';
import { isTypingTarget, keepCurrent, type ListKeyInput, listKeyAction } from '@/lib/pages/list-keys';

const press = (key: string, more: Partial<ListKeyInput> = {}): ListKeyInput => ({
  key,
  isTrusted: true,
  defaultPrevented: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  inField: false,
  onItem: true,
  ...more,
});

describe('listKeyAction', () => {
  it('moves down with j and ArrowDown, up with k and ArrowUp, and stops at the ends', () => {
    expect(listKeyAction(press('j'), 0, 3)).toEqual({ kind: 'move', to: 1 });
    expect(listKeyAction(press('ArrowDown'), 1, 3)).toEqual({ kind: 'move', to: 2 });
    expect(listKeyAction(press('j'), 2, 3)).toEqual({ kind: 'move', to: 2 });
    expect(listKeyAction(press('k'), 2, 3)).toEqual({ kind: 'move', to: 1 });
    expect(listKeyAction(press('ArrowUp'), 0, 3)).toEqual({ kind: 'move', to: 0 });
    expect(listKeyAction(press('Home'), 2, 3)).toEqual({ kind: 'move', to: 0 });
    expect(listKeyAction(press('End'), 0, 3)).toEqual({ kind: 'move', to: 2 });
  });

  it('starts at the first item when none is current, wherever the key was pressed', () => {
    expect(listKeyAction(press('j', { onItem: false }), -1, 3)).toEqual({ kind: 'move', to: 0 });
    expect(listKeyAction(press('k', { onItem: false }), -1, 3)).toEqual({ kind: 'move', to: 0 });
  });

  it('jumps, edits and deletes only on an item itself', () => {
    expect(listKeyAction(press('Enter'), 1, 3)).toEqual({ kind: 'go' });
    expect(listKeyAction(press('e'), 1, 3)).toEqual({ kind: 'edit' });
    expect(listKeyAction(press('Delete'), 1, 3)).toEqual({ kind: 'delete' });
    expect(listKeyAction(press('Backspace'), 1, 3)).toEqual({ kind: 'delete' });
    // On a button inside the item, Enter is the button's.
    expect(listKeyAction(press('Enter', { onItem: false }), 1, 3)).toBeNull();
    expect(listKeyAction(press('Delete', { onItem: false }), 1, 3)).toBeNull();
    // Moving works from a control inside an item too.
    expect(listKeyAction(press('j', { onItem: false }), 1, 3)).toEqual({ kind: 'move', to: 2 });
  });

  it('ignores keys typed in a field, forged by a script, already used, or with modifiers', () => {
    expect(listKeyAction(press('j', { inField: true }), 0, 3)).toBeNull();
    expect(listKeyAction(press('Backspace', { inField: true }), 0, 3)).toBeNull();
    expect(listKeyAction(press('j', { isTrusted: false }), 0, 3)).toBeNull();
    expect(listKeyAction(press('Delete', { isTrusted: false }), 0, 3)).toBeNull();
    expect(listKeyAction(press('ArrowDown', { defaultPrevented: true }), 0, 3)).toBeNull();
    expect(listKeyAction(press('e', { ctrlKey: true }), 0, 3)).toBeNull();
    expect(listKeyAction(press('j', { metaKey: true }), 0, 3)).toBeNull();
    expect(listKeyAction(press('k', { altKey: true }), 0, 3)).toBeNull();
    expect(listKeyAction(press('J'), 0, 3)).toBeNull();
    expect(listKeyAction(press('x'), 0, 3)).toBeNull();
  });

  it('does nothing in an empty list', () => {
    expect(listKeyAction(press('j'), -1, 0)).toBeNull();
    expect(listKeyAction(press('Enter'), -1, 0)).toBeNull();
  });
});

describe('keepCurrent', () => {
  it('keeps the current item while it is listed', () => {
    expect(keepCurrent(['a', 'b', 'c'], 'b', 1)).toBe('b');
  });
  it('takes the item now at the old place when the current one went, or the last', () => {
    expect(keepCurrent(['a', 'c'], 'b', 1)).toBe('c');
    expect(keepCurrent(['a', 'b'], 'c', 2)).toBe('b');
    expect(keepCurrent(['a', 'b'], undefined, 0)).toBe('a');
    expect(keepCurrent([], 'a', 0)).toBeUndefined();
  });
});

describe('isTypingTarget', () => {
  it('counts text fields, text areas and editable elements, not buttons or tick boxes', () => {
    const make = <K extends keyof HTMLElementTagNameMap>(
      tag: K,
      setup?: (el: HTMLElementTagNameMap[K]) => void,
    ) => {
      const el = document.createElement(tag);
      setup?.(el);
      return el;
    };
    expect(isTypingTarget(make('input'))).toBe(true);
    expect(isTypingTarget(make('input', (el) => (el.type = 'search')))).toBe(true);
    expect(isTypingTarget(make('textarea'))).toBe(true);
    expect(isTypingTarget(make('select'))).toBe(true);
    expect(isTypingTarget(make('input', (el) => (el.type = 'checkbox')))).toBe(false);
    expect(isTypingTarget(make('input', (el) => (el.type = 'radio')))).toBe(false);
    expect(isTypingTarget(make('button'))).toBe(false);
    expect(isTypingTarget(make('li'))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
