import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { theme } from '@/lib/settings';
import { type Followable, follow, track } from '@/lib/settings/follow';
import { applyTheme, asTheme, followTheme } from '@/lib/settings/theme';

afterEach(() => fakeBrowser.reset());

/** An item whose first read waits for the test, and whose watchers the test calls. */
function handItem<T>() {
  let answer: (value: T) => void = () => undefined;
  const watchers = new Set<(value: T) => void>();
  const item: Followable<T> = {
    getValue: () => new Promise<T>((resolve) => (answer = resolve)),
    watch: (callback) => {
      watchers.add(callback);
      return () => watchers.delete(callback);
    },
  };
  return {
    item,
    answer: (value: T) => answer(value),
    change: (value: T) => {
      for (const watcher of watchers) watcher(value);
    },
  };
}

describe('follow', () => {
  it('applies the stored value, then each change, until stopped', async () => {
    const { item, answer, change } = handItem<string>();
    const seen: string[] = [];
    const { stop, ready } = track(item, (value) => seen.push(value));
    answer('first');
    await ready;
    change('second');
    stop();
    change('third');
    expect(seen).toEqual(['first', 'second']);
  });

  it('lets a change seen before the first read answers win over that older read', async () => {
    const { item, answer, change } = handItem<string>();
    const apply = vi.fn();
    const { ready } = track(item, apply);
    change('newer');
    answer('older');
    await ready;
    expect(apply.mock.calls).toEqual([['newer']]);
  });

  it('follows a real WXT item through the fake browser', async () => {
    const seen: string[] = [];
    const stop = follow(theme, (value) => seen.push(value));
    await vi.waitFor(() => expect(seen).toEqual(['system']));
    await theme.setValue('dark');
    await vi.waitFor(() => expect(seen).toEqual(['system', 'dark']));
    stop();
  });
});

describe('theme', () => {
  it('reads unknown stored values as system', () => {
    expect(asTheme('dark')).toBe('dark');
    expect(asTheme('sepia')).toBe('system');
    expect(asTheme(undefined)).toBe('system');
  });

  it('puts the setting on the root element and follows it', async () => {
    const root = document.createElement('html');
    applyTheme(root, 'nonsense');
    expect(root.getAttribute('data-theme')).toBe('system');
    await theme.setValue('light');
    const stop = followTheme(root);
    await vi.waitFor(() => expect(root.getAttribute('data-theme')).toBe('light'));
    // The fake browser tells watchers before the write resolves.
    await theme.setValue('dark');
    expect(root.getAttribute('data-theme')).toBe('dark');
    stop();
    await theme.setValue('light');
    expect(root.getAttribute('data-theme')).toBe('dark');
  });
});
