import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { ExportMenu } from '@/components/ExportMenu';

function mount(node: preact.ComponentChild) {
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(node, root));
  return root;
}

const buttonNamed = (root: HTMLElement, name: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent === name);

describe('ExportMenu', () => {
  it('has one button per format whose name says what it exports', () => {
    const onExport = vi.fn();
    const root = mount(<ExportMenu legend="Export this page" count={2} onExport={onExport} />);
    const names = [...root.querySelectorAll('button')].map((b) => b.textContent);
    expect(names).toEqual(['Export Markdown', 'Export JSON', 'Export CSV', 'Export HTML']);
    act(() => buttonNamed(root, 'Export CSV')?.click());
    expect(onExport).toHaveBeenCalledWith('csv', { frontMatter: false });
    expect(root.querySelector('[role=radiogroup]')).toBeNull();
  });

  it('passes the front matter choice with the Markdown export', () => {
    const onExport = vi.fn();
    const root = mount(<ExportMenu legend="Export" count={1} onExport={onExport} />);
    const toggle = root.querySelector('input[type=checkbox]') as HTMLInputElement;
    expect(toggle.parentElement?.textContent).toContain('YAML front matter');
    act(() => toggle.click());
    act(() => buttonNamed(root, 'Export Markdown')?.click());
    expect(onExport).toHaveBeenCalledWith('md', { frontMatter: true });
  });

  it('offers the scopes with their counts and disables export when there is nothing', () => {
    const onScope = vi.fn();
    const root = mount(
      <ExportMenu
        legend="Export"
        count={0}
        scope="selected"
        onScope={onScope}
        scopes={[
          { value: 'all', label: 'All', count: 12 },
          { value: 'selected', label: 'Selected', count: 0 },
        ]}
        onExport={vi.fn()}
      />,
    );
    const radios = [...root.querySelectorAll<HTMLInputElement>('input[type=radio]')];
    expect(radios.map((r) => [r.parentElement?.textContent, r.checked])).toEqual([
      ['All (12)', false],
      ['Selected (0)', true],
    ]);
    expect([...root.querySelectorAll('button')].every((b) => b.disabled)).toBe(true);
    expect(root.textContent).toContain('Nothing to export');
    act(() => radios[0]?.click());
    expect(onScope).toHaveBeenCalledWith('all');
  });
});
