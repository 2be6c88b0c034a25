/** The options page's Sync section: labelled fields, the status line in words, errors kept visible. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { SyncSettings } from '@/components/SyncSettings';
import { SyncError } from '@/lib/sync/errors';
import type { SyncStatus } from '@/lib/sync/status';

let root: HTMLDivElement;

afterEach(() => {
  act(() => render(null, root));
  root.remove();
});

function mount(status: SyncStatus, onTurnOn: (server: string, passphrase: string) => Promise<void>) {
  root = document.createElement('div');
  document.body.append(root);
  act(() =>
    render(
      <SyncSettings
        status={status}
        onTurnOn={onTurnOn}
        onTurnOff={async () => undefined}
        onSyncNow={async () => undefined}
      />,
      root,
    ),
  );
}

const field = (label: string) => {
  const id = [...root.querySelectorAll('label')].find((l) => l.textContent === label)?.htmlFor;
  return root.querySelector<HTMLInputElement>(`#${id}`);
};

const type = (input: HTMLInputElement | null, value: string) =>
  act(() => {
    if (!input) throw new Error('no field');
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });

const statusLine = () => root.querySelector('[role="status"]')?.textContent;

describe('the Sync section', () => {
  it('turns sync on with the server and passphrase typed, and forgets the passphrase', async () => {
    const calls: string[][] = [];
    mount({ state: 'off', waiting: 0 }, async (server, passphrase) => {
      calls.push([server, passphrase]);
    });
    expect(statusLine()).toBe('Sync is off.');
    type(field('Sync server'), 'http://127.0.0.1:8787/gloss/');
    type(field('Passphrase'), 'secret words');
    expect(field('Passphrase')?.type).toBe('password');
    await act(async () => {
      root.querySelector('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
      // Lets the handler's promise settle (a macrotask after its microtasks).
      await new Promise((settled) => setTimeout(settled, 0));
    });
    expect(calls).toEqual([['http://127.0.0.1:8787/gloss/', 'secret words']]);
    expect(field('Passphrase')?.value).toBe('');
  });

  it('says a wrong passphrase in words in the status line', async () => {
    mount({ state: 'off', waiting: 0 }, async () => {
      throw new SyncError('wrong-passphrase');
    });
    type(field('Sync server'), 'http://127.0.0.1:8787/gloss/');
    type(field('Passphrase'), 'typo');
    await act(async () => {
      root.querySelector('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
      // Lets the handler's promise settle (a macrotask after its microtasks).
      await new Promise((settled) => setTimeout(settled, 0));
    });
    expect(statusLine()).toMatch(/^Wrong passphrase/);
  });

  it('shows the state, the last sync and what waits, and an error with the changes kept', () => {
    const lastSync = new Date().toISOString();
    mount(
      { state: 'synced', server: 'https://dav.example/gloss/', lastSync, waiting: 0 },
      async () => undefined,
    );
    expect(statusLine()).toMatch(/^Synced · last synced at .+ · 0 changes waiting to be sent$/);
    expect(root.textContent).toContain('Syncing with https://dav.example/gloss/');
    act(() => render(null, root));
    root.remove();
    mount(
      {
        state: 'error',
        server: 'https://dav.example/gloss/',
        waiting: 3,
        error: 'The sync server cannot be reached.',
      },
      async () => undefined,
    );
    expect(statusLine()).toMatch(/^The sync server cannot be reached\. · not synced yet · 3 changes waiting/);
  });
});
