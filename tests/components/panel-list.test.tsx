/** The side panel's list: its groups, and working it by keyboard (roving focus, Enter, e, Delete). */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ItemActions } from '@/components/AnnotationItem';
import { PanelList, panelSections } from '@/components/PanelList';
import { ColorLabelsContext } from '@/lib/settings/labels';
import type { AnchorStatus, Annotation } from '@/lib/types';

const make = (id: string, exact: string, color: Annotation['color'] = 'yellow'): Annotation => ({
  id,
  pageKey: 'https://a.org/',
  url: 'https://a.org/',
  title: 'A',
  target: { quote: { type: 'TextQuoteSelector', exact, prefix: 'before ', suffix: ' after' } },
  note: '',
  tags: [],
  color,
  created: '2026-11-29T10:00:00.000Z',
  modified: '2026-11-29T10:00:00.000Z',
});

const first = make('a', 'first passage');
const second = make('b', 'second passage', 'green');
const changed = make('c', 'changed passage');
const lost = make('d', 'lost passage');
const statuses: Record<string, AnchorStatus> = {
  a: { kind: 'exact' },
  b: { kind: 'exact', moved: true },
  c: { kind: 'fuzzy', score: 0.9, text: 'changed words' },
  d: { kind: 'orphan' },
};

let root: HTMLElement | undefined;
afterEach(() => {
  if (root) act(() => render(null, root as HTMLElement));
  root?.remove();
  root = undefined;
});

function mount(list: Annotation[]) {
  const calls = { go: vi.fn(), remove: vi.fn() };
  const actionsFor = (annotation: Annotation): ItemActions => ({
    onGo: () => calls.go(annotation.id),
    onSave: () => undefined,
    onColor: () => undefined,
    onDelete: () => calls.remove(annotation.id),
  });
  root = document.createElement('div');
  document.body.append(root);
  const draw = (shown: Annotation[]) =>
    act(() =>
      render(
        <ColorLabelsContext.Provider value={{ green: 'evidence' }}>
          <PanelList annotations={shown} statuses={statuses} actionsFor={actionsFor} />
        </ColorLabelsContext.Provider>,
        root as HTMLElement,
      ),
    );
  draw(list);
  return { calls, redraw: draw };
}

/** A key pressed by a person (happy-dom leaves `isTrusted` unset, and the list ignores scripts' keys). */
function press(key: string, trusted = true) {
  const target = document.activeElement ?? document.body;
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
  if (trusted) Object.defineProperty(event, 'isTrusted', { value: true });
  act(() => {
    target.dispatchEvent(event);
  });
  return event;
}

const items = () => [...(root?.querySelectorAll<HTMLElement>('li[data-annotation-id]') ?? [])];
const focusedId = () => (document.activeElement as HTMLElement | null)?.dataset.annotationId;

describe('panelSections', () => {
  it('keeps document order among found passages and groups changed and lost ones after them', () => {
    const sections = panelSections([changed, first, lost, second], statuses);
    expect(sections.map((s) => [s.kind, s.items.map((a) => a.id)])).toEqual([
      ['found', ['a', 'b']],
      ['changed', ['c']],
      ['orphan', ['d']],
    ]);
  });
});

describe('PanelList', () => {
  it('shows the groups under their headings, with the stored context of a lost passage', () => {
    mount([first, second, changed, lost]);
    const headings = [...(root?.querySelectorAll('h2') ?? [])].map((h) => h.textContent);
    expect(headings).toEqual(['Text changed (1)', 'Not found on page (1)']);
    const orphan = root?.querySelector('li[data-annotation-id="d"]');
    expect(orphan?.textContent).toContain('Was: …before lost passage after…');
    // Colour in words, with the reader's label.
    expect(root?.querySelector('li[data-annotation-id="b"] .item-color')?.textContent).toBe(
      'Green (evidence)',
    );
    expect(root?.querySelector('li[data-annotation-id="b"]')?.getAttribute('aria-label')).toBe(
      'Green (evidence), Moved: second passage',
    );
  });

  it('puts one item in the tab order and moves the focus with j, k and the arrows', () => {
    mount([first, second, changed, lost]);
    expect(items().map((li) => li.tabIndex)).toEqual([0, -1, -1, -1]);
    press('j');
    expect(focusedId()).toBe('a');
    press('j');
    expect(focusedId()).toBe('b');
    press('ArrowDown');
    expect(focusedId()).toBe('c');
    press('ArrowDown');
    press('ArrowDown');
    expect(focusedId()).toBe('d');
    press('k');
    expect(focusedId()).toBe('c');
    press('ArrowUp');
    expect(focusedId()).toBe('b');
    expect(items().map((li) => li.tabIndex)).toEqual([-1, 0, -1, -1]);
  });

  it('jumps with Enter, deletes with Delete and Backspace, and ignores keys made by a script', () => {
    const { calls } = mount([first, second]);
    press('j');
    press('Enter');
    expect(calls.go).toHaveBeenCalledWith('a');
    press('Delete');
    press('Backspace');
    expect(calls.remove.mock.calls).toEqual([['a'], ['a']]);
    press('j', false);
    expect(focusedId()).toBe('a');
    press('Delete', false);
    expect(calls.remove).toHaveBeenCalledTimes(2);
  });

  it('opens the editor with e without typing the e, and ignores keys typed in it', () => {
    const { calls } = mount([first, second]);
    press('j');
    const e = press('e');
    expect(e.defaultPrevented).toBe(true);
    const field = root?.querySelector<HTMLTextAreaElement>('textarea');
    expect(field).toBeTruthy();
    expect(document.activeElement).toBe(field);
    expect(press('j').defaultPrevented).toBe(false);
    press('Backspace');
    expect(calls.remove).not.toHaveBeenCalled();
    expect(root?.querySelector('li[data-annotation-id="a"] textarea')).toBe(field);
  });

  it('gives the focus to the next item when the focused one is deleted', () => {
    const { redraw } = mount([first, second, changed]);
    press('j');
    press('j');
    expect(focusedId()).toBe('b');
    redraw([first, changed]);
    expect(focusedId()).toBe('c');
    expect(items().map((li) => li.tabIndex)).toEqual([-1, 0]);
  });
});
