// @vitest-environment jsdom
// DOMPurify needs a faithful DOM: under happy-dom it lets <script> through, so this file runs in jsdom.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { renderMarkdown } from '@/components/MarkdownView';
import { NoteCard, parseTags } from '@/components/NoteCard';
import type { Annotation } from '@/lib/types';

const annotation: Annotation = {
  id: 'a1',
  pageKey: 'https://a.org/',
  url: 'https://a.org/',
  title: 'A',
  target: { quote: { type: 'TextQuoteSelector', exact: 'the passage' } },
  note: '',
  tags: [],
  color: 'yellow',
  created: '2026-11-29T10:00:00.000Z',
  modified: '2026-11-29T10:00:00.000Z',
};

function mount(props: Partial<Parameters<typeof NoteCard>[0]> = {}) {
  const root = document.createElement('div');
  document.body.append(root);
  const handlers = { onSave: vi.fn(), onColor: vi.fn(), onDelete: vi.fn(), onClose: vi.fn() };
  act(() => render(<NoteCard annotation={annotation} startEditing {...handlers} {...props} />, root));
  return { root, ...handlers };
}

describe('NoteCard', () => {
  it('focuses the note field and saves on Ctrl+Enter with parsed tags', async () => {
    const { root, onSave } = mount();
    const field = root.querySelector('textarea') as HTMLTextAreaElement;
    expect(document.activeElement).toBe(field);
    act(() => {
      field.value = 'A *note*';
      field.dispatchEvent(new Event('input', { bubbles: true }));
      const tags = root.querySelector('.tags-field') as HTMLInputElement;
      tags.value = 'one, two, one';
      tags.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    });
    expect(onSave).toHaveBeenCalledWith('A *note*', ['one', 'two']);
  });

  it('closes on Escape (acting on key-up) without saving', () => {
    const { root, onSave, onClose } = mount();
    const field = root.querySelector('textarea');
    act(() => {
      field?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(onClose).not.toHaveBeenCalled();
    act(() => {
      field?.dispatchEvent(new KeyboardEvent('keyup', { key: 'Escape', bubbles: true }));
    });
    expect(onClose).toHaveBeenCalled();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('names its colour choices for screen readers', () => {
    const { root } = mount({ startEditing: false });
    const names = [...root.querySelectorAll('[role=radio]')].map((el) => el.getAttribute('aria-label'));
    expect(names).toEqual(['Yellow', 'Green', 'Blue', 'Pink', 'Purple']);
  });
});

describe('renderMarkdown', () => {
  it('renders Markdown and strips scripts and handlers', () => {
    const html = renderMarkdown(
      '**bold** <img src=x onerror="alert(1)"><script>alert(2)</script> [l](javascript:alert(3))',
    );
    expect(html).toContain('<strong>bold</strong>');
    expect(html).not.toMatch(/onerror|<script|javascript:/);
  });
  it('splits tags on commas', () => {
    expect(parseTags(' a, ,b ,a')).toEqual(['a', 'b']);
  });
});
