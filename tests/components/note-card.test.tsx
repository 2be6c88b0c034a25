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
  it('previews the Markdown being written, and goes back to the text', () => {
    const { root } = mount();
    const field = root.querySelector('textarea') as HTMLTextAreaElement;
    act(() => {
      field.value = 'A **bold** idea';
      field.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const toggle = root.querySelector('.preview-toggle') as HTMLButtonElement;
    act(() => toggle.click());
    expect(root.querySelector('.note-preview strong')?.textContent).toBe('bold');
    expect(field.hidden).toBe(true);
    act(() => toggle.click());
    expect(root.querySelector('.note-preview')).toBeNull();
    expect(field.hidden).toBe(false);
  });

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
    expect(onSave).toHaveBeenCalledWith('A *note*', ['one', 'two'], '');
  });

  it('keeps what was typed through Escape and a failed save, and gives it back on reopening', async () => {
    const kept = new Map<string, { note: string; tags: string; baseNote: string }>();
    const drafts = {
      load: async (id: string) => kept.get(id),
      save: (id: string, d: { note: string; tags: string; baseNote: string }) => void kept.set(id, d),
      clear: (id: string) => void kept.delete(id),
    };
    const failing = vi.fn(async () => {
      throw new Error('Gloss did not answer.');
    });
    const first = mount({ drafts, onSave: failing });
    const field = first.root.querySelector('textarea') as HTMLTextAreaElement;
    act(() => {
      field.value = 'A thought I must not lose';
      field.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    });
    expect(failing).toHaveBeenCalled();
    expect((first.root.querySelector('textarea') as HTMLTextAreaElement).value).toBe(
      'A thought I must not lose',
    );
    act(() => {
      field.dispatchEvent(new KeyboardEvent('keyup', { key: 'Escape', bubbles: true }));
    });
    expect(first.onClose).toHaveBeenCalled();
    act(() => render(null, first.root));
    // Reopened, even as a plain card: the draft comes back in the editor, announced.
    const second = mount({ drafts, startEditing: false });
    await act(async () => {
      await Promise.resolve();
    });
    expect((second.root.querySelector('textarea') as HTMLTextAreaElement).value).toBe(
      'A thought I must not lose',
    );
    expect(second.root.querySelector('[role=status]')?.textContent).toContain('restored');
    await act(async () => {
      second.root
        .querySelector('textarea')
        ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    });
    expect(second.onSave).toHaveBeenCalledWith('A thought I must not lose', [], '');
    expect(kept.size).toBe(0); // saved, so the draft is gone
  });

  it('shows both texts when the note changed elsewhere during the edit, and lets the reader choose', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    const onSave = vi.fn();
    const card = (note: string) => (
      <NoteCard
        annotation={{ ...annotation, note }}
        startEditing={false}
        onSave={onSave}
        onColor={vi.fn()}
        onDelete={vi.fn()}
      />
    );
    act(() => render(card('Original'), root));
    const edit = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Edit note');
    act(() => edit?.click());
    const field = root.querySelector('textarea') as HTMLTextAreaElement;
    act(() => {
      field.value = 'Mine';
      field.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => render(card('Theirs'), root)); // another view saved meanwhile
    const alert = root.querySelector('.conflict');
    expect(alert?.textContent).toContain('Theirs');
    expect((root.querySelector('textarea') as HTMLTextAreaElement).value).toBe('Mine');
    await act(async () => {
      alert?.querySelector('button')?.click(); // Save mine instead
    });
    expect(onSave).toHaveBeenCalledWith('Mine', [], 'Theirs');
  });

  it('ignores clicks a page script makes on its colour swatches', () => {
    const { root, onColor } = mount({ startEditing: false });
    const green = root.querySelector('[data-color=green]') as HTMLButtonElement;
    act(() => {
      green.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    });
    expect(onColor).not.toHaveBeenCalled();
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
  it('loads no remote image: the address is kept aside until the reader asks', () => {
    const html = renderMarkdown('![pixel](https://tracker.example/p.gif) ![x](data:image/png;base64,AAAA)');
    expect(html).not.toMatch(/\ssrc="https:/);
    expect(html).toContain('data-gloss-remote-src="https://tracker.example/p.gif"');
    expect(html).toContain('src="data:image/png;base64,AAAA"');
    expect(
      renderMarkdown('<img srcset="https://t.example/a 1x"><video poster="https://t.example/v">'),
    ).not.toMatch(/t\.example/);
  });
  it('splits tags on commas', () => {
    expect(parseTags(' a, ,b ,a')).toEqual(['a', 'b']);
  });
});
