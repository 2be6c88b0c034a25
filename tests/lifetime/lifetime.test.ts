import { afterEach, describe, expect, it, vi } from 'vitest';
import { extensionLifetime } from '@/lib/lifetime';

afterEach(() => vi.useRealTimers());

describe('extensionLifetime', () => {
  it('outlives any event a page can send, and ends when the runtime is gone', () => {
    vi.useFakeTimers();
    let alive = true;
    const signal = extensionLifetime(window, () => alive, 1000);
    // What WXT's context listens for, replayed by a page in every form it could take.
    window.postMessage({ type: 'wxt:content-script-started', contentScriptName: 'boot' }, '*');
    document.dispatchEvent(new CustomEvent('undefined:boot:wxt:content-script-started', { detail: {} }));
    vi.advanceTimersByTime(5000);
    expect(signal.aborted).toBe(false);
    alive = false;
    vi.advanceTimersByTime(1000);
    expect(signal.aborted).toBe(true);
  });

  it('ends when asking the runtime throws (extension context invalidated)', () => {
    vi.useFakeTimers();
    const signal = extensionLifetime(
      window,
      () => {
        throw new Error('Extension context invalidated.');
      },
      1000,
    );
    vi.advanceTimersByTime(1000);
    expect(signal.aborted).toBe(true);
  });
});
