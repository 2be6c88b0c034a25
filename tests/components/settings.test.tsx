import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ColorSettings } from '@/components/ColorSettings';
import { ColorSwatches } from '@/components/ColorSwatches';
import { NoteCard } from '@/components/NoteCard';
import { ShortcutList } from '@/components/ShortcutList';
import { SiteList, typedSite } from '@/components/SiteList';
import { SiteSwitch } from '@/components/SiteSwitch';
import { ThemeChoice } from '@/components/ThemeChoice';
import { ColorLabelsContext } from '@/lib/settings/labels';
import type { Annotation } from '@/lib/types';

function mount(node: preact.ComponentChild): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(node, root));
  return root;
}

function type(field: HTMLInputElement, value: string): void {
  act(() => {
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

afterEach(() => {
  document.body.innerHTML = '';
});

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

describe('colour labels in swatches and the card', () => {
  it('names each swatch by its colour and the label given to it', () => {
    const root = mount(
      <ColorLabelsContext.Provider value={{ yellow: 'key idea' }}>
        <ColorSwatches value="yellow" onChange={() => undefined} />
      </ColorLabelsContext.Provider>,
    );
    const names = [...root.querySelectorAll('[role="radio"]')].map((s) => s.getAttribute('aria-label'));
    expect(names).toEqual(['Yellow (key idea)', 'Green', 'Blue', 'Pink', 'Purple']);
  });

  it('writes the colour and its label on the card in words', () => {
    const root = mount(
      <ColorLabelsContext.Provider value={{ yellow: 'key idea' }}>
        <NoteCard
          annotation={annotation}
          startEditing={false}
          onSave={vi.fn()}
          onColor={vi.fn()}
          onDelete={vi.fn()}
        />
      </ColorLabelsContext.Provider>,
    );
    expect(root.querySelector('.color-name')?.textContent).toBe('Yellow (key idea)');
  });
});

describe('ColorSettings', () => {
  it('writes cleaned labels as they are typed, each field labelled by its colour', () => {
    const onLabels = vi.fn();
    const root = mount(
      <ColorSettings color="green" onColor={vi.fn()} labels={{ blue: 'question' }} onLabels={onLabels} />,
    );
    const yellow = root.querySelector<HTMLInputElement>('#label-yellow');
    expect(root.querySelector('label[for="label-yellow"]')?.textContent).toBe('Yellow');
    expect(root.querySelector<HTMLInputElement>('#label-blue')?.value).toBe('question');
    type(yellow as HTMLInputElement, '  key idea ');
    expect(onLabels).toHaveBeenLastCalledWith({ yellow: 'key idea', blue: 'question' });
    expect(root.querySelector('.color-name')?.textContent).toBe('Green');
  });

  it('shows a label changed elsewhere, except in the field being typed in', () => {
    const root = document.createElement('div');
    document.body.append(root);
    const show = (labels: Record<string, string>) =>
      act(() =>
        render(<ColorSettings color="yellow" onColor={vi.fn()} labels={labels} onLabels={vi.fn()} />, root),
      );
    show({});
    const yellow = root.querySelector<HTMLInputElement>('#label-yellow') as HTMLInputElement;
    yellow.focus();
    type(yellow, 'key ide');
    show({ yellow: 'key', green: 'example' });
    expect(yellow.value).toBe('key ide');
    expect(root.querySelector<HTMLInputElement>('#label-green')?.value).toBe('example');
  });
});

describe('SiteList', () => {
  it('takes a typed host or address, and removes a site', () => {
    expect(typedSite(' Example.com ')).toBe('example.com');
    expect(typedSite('https://news.example.com/a?b')).toBe('news.example.com');
    expect(typedSite('')).toBe('');
    const onAdd = vi.fn();
    const onRemove = vi.fn();
    const root = mount(<SiteList sites={['a.org']} onAdd={onAdd} onRemove={onRemove} />);
    act(() => root.querySelector<HTMLButtonElement>('[aria-label="Turn Gloss back on for a.org"]')?.click());
    expect(onRemove).toHaveBeenCalledWith('a.org');
    type(root.querySelector('#add-site') as HTMLInputElement, 'https://b.org/page');
    act(() => {
      root.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    });
    expect(onAdd).toHaveBeenCalledWith('b.org');
  });

  it('says when a typed site is none, and when no site is off', () => {
    const onAdd = vi.fn();
    const root = mount(<SiteList sites={[]} onAdd={onAdd} onRemove={vi.fn()} />);
    expect(root.textContent).toContain('Gloss is on everywhere');
    act(() => {
      root.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    });
    expect(onAdd).not.toHaveBeenCalled();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('example.com');
  });
});

describe('SiteSwitch and ThemeChoice', () => {
  it('says whether Gloss is on for the site and offers the other state', () => {
    const onTurn = vi.fn();
    const root = mount(<SiteSwitch site="a.org" off={false} onTurn={onTurn} />);
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Gloss is on for a.org.');
    act(() => root.querySelector('button')?.click());
    expect(onTurn).toHaveBeenCalledWith(true);
    const offRoot = mount(<SiteSwitch site="a.org" off onTurn={onTurn} />);
    expect(offRoot.querySelector('button')?.textContent).toBe('Turn Gloss back on for a.org');
  });

  it('offers the three themes as radio buttons in a group', () => {
    const onChange = vi.fn();
    const root = mount(<ThemeChoice value="system" onChange={onChange} />);
    expect(root.querySelector('legend')?.textContent).toBe('Theme');
    const radios = [...root.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map((r) => r.value)).toEqual(['system', 'light', 'dark']);
    expect(radios[0]?.checked).toBe(true);
    act(() => radios[2]?.click());
    expect(onChange).toHaveBeenCalledWith('dark');
  });
});

describe('ShortcutList', () => {
  it('lists the commands with their keys or "Not set", and where to change them', () => {
    const onOpen = vi.fn();
    const root = mount(
      <ShortcutList
        commands={[
          { description: 'Highlight the selected text', keys: 'Alt+Shift+H' },
          { description: 'Highlight and note', keys: '' },
        ]}
        place="In Chrome: chrome://extensions/shortcuts."
        onOpenSettings={onOpen}
      />,
    );
    const rows = [...(root.querySelectorAll('table')[0]?.querySelectorAll('tbody tr') ?? [])];
    expect(rows.map((r) => r.textContent)).toEqual([
      'Highlight the selected textAlt+Shift+H',
      'Highlight and noteNot set',
    ]);
    expect(root.textContent).toContain('chrome://extensions/shortcuts');
    act(() =>
      [...root.querySelectorAll('button')].find((b) => b.textContent === 'Change shortcuts')?.click(),
    );
    expect(onOpen).toHaveBeenCalled();
  });
});
