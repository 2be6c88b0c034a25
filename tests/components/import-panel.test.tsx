import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { FileDrop } from '@/components/FileDrop';
import { ImportPanel } from '@/components/ImportPanel';
import type { ImportState } from '@/lib/pages/import-file';

function mount(node: preact.ComponentChild) {
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(node, root));
  return root;
}

const panel = (state: ImportState, onFiles = vi.fn()) =>
  mount(<ImportPanel state={state} onFiles={onFiles} />);

describe('ImportPanel', () => {
  it('is a file picker labelled Import', () => {
    const root = panel({ kind: 'idle' });
    const input = root.querySelector('input[type=file]') as HTMLInputElement;
    const label = root.querySelector(`label[for="${input.id}"]`);
    expect(label?.textContent).toBe('Import');
    expect(input.disabled).toBe(false);
    expect(root.querySelector('[role=alert], progress')).toBeNull();
  });

  it('shows the progress of a running import and blocks a second one', () => {
    const root = panel({
      kind: 'writing',
      fileName: 'a.json',
      done: 12_000,
      total: 50_000,
      text: 'Importing 12,000 of 50,000…',
    });
    const progress = root.querySelector('progress') as HTMLProgressElement;
    expect([progress.value, progress.max]).toEqual([12_000, 50_000]);
    expect(root.querySelector('.import-progress')?.textContent).toBe('Importing 12,000 of 50,000…');
    expect(root.querySelector('[role=status], [role=alert]')).toBeNull();
    expect((root.querySelector('input[type=file]') as HTMLInputElement).disabled).toBe(true);
  });

  it('reports the outcome, with skipped entries listed', () => {
    const root = panel({
      kind: 'done',
      summary: 'Imported 1 new, 0 updated, 0 unchanged; 1 skipped (a reason).',
      skipped: ['Entry 2 of 2 was skipped: a reason.'],
    });
    expect(root.querySelector('[role=status] p')?.textContent).toContain('Imported 1 new');
    expect(root.querySelector('details li')?.textContent).toBe('Entry 2 of 2 was skipped: a reason.');
  });

  it('shows a failure in an alert', () => {
    const root = panel({ kind: 'failed', message: 'The file is empty.' });
    expect(root.querySelector('[role=alert]')?.textContent).toBe('The file is empty.');
  });
});

describe('FileDrop', () => {
  it('hands over dropped files and ignores drags without files', () => {
    const onFiles = vi.fn();
    const root = mount(
      <FileDrop onFiles={onFiles} label="Drop here">
        <p>content</p>
      </FileDrop>,
    );
    const area = root.querySelector('.file-drop') as HTMLElement;
    const file = new File(['{}'], 'a.json');
    const drag = (type: string, types: string[], files: File[] = []) => {
      const event = new Event(type, { bubbles: true, cancelable: true });
      Object.defineProperty(event, 'dataTransfer', { value: { types, files, dropEffect: 'none' } });
      act(() => {
        area.dispatchEvent(event);
      });
      return event;
    };
    drag('dragenter', ['Files']);
    expect(root.querySelector('.file-drop-cue')?.textContent).toBe('Drop here');
    expect(drag('dragover', ['Files']).defaultPrevented).toBe(true);
    expect(drag('dragover', ['text/plain']).defaultPrevented).toBe(false);
    drag('drop', ['Files'], [file]);
    expect(onFiles).toHaveBeenCalledWith([file]);
    expect(root.querySelector('.file-drop-cue')).toBeNull();
  });
});
