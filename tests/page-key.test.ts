import { describe, expect, it, vi } from 'vitest';
import { isAnnotatablePage, pageKey } from '@/lib/page-key';

describe('pageKey', () => {
  it('drops the fragment and tracking parameters, keeps the rest', () => {
    expect(pageKey('https://ex.org/a?id=4&utm_source=x&UTM_Medium=y&fbclid=1&gclid=2#part')).toBe(
      'https://ex.org/a?id=4',
    );
  });
  it('leaves no bare question mark behind', () => {
    expect(pageKey('https://ex.org/a?utm_campaign=z')).toBe('https://ex.org/a');
  });
  it('is stable for an already clean URL', () => {
    expect(pageKey('https://ex.org/a/b?x=1&y=2')).toBe('https://ex.org/a/b?x=1&y=2');
  });
  it('re-encodes the query only when it dropped something, as before', () => {
    expect(pageKey('https://ex.org/a?q=a%20b')).toBe('https://ex.org/a?q=a%20b');
    expect(pageKey('https://ex.org/a?q=a%20b&utm_source=x')).toBe('https://ex.org/a?q=a+b');
    expect(pageKey('https://ex.org/a?')).toBe('https://ex.org/a');
  });
  it('does not iterate URLSearchParams iterators (not iterable through Firefox Xrays)', () => {
    const notIterable = () => ({}) as URLSearchParamsIterator<string>;
    const keys = vi.spyOn(URLSearchParams.prototype, 'keys').mockImplementation(notIterable);
    const entries = vi
      .spyOn(URLSearchParams.prototype, 'entries')
      .mockImplementation(() => ({}) as URLSearchParamsIterator<[string, string]>);
    try {
      expect(pageKey('https://ex.org/a?id=4&utm_source=x')).toBe('https://ex.org/a?id=4');
    } finally {
      keys.mockRestore();
      entries.mockRestore();
    }
  });
  it('falls back to stripping the fragment of something that is not a URL', () => {
    expect(pageKey('not a url#x')).toBe('not a url');
  });
  it('knows which pages can carry annotations', () => {
    expect(isAnnotatablePage('https://ex.org')).toBe(true);
    expect(isAnnotatablePage('file:///tmp/a.html')).toBe(true);
    expect(isAnnotatablePage('chrome://settings')).toBe(false);
    expect(isAnnotatablePage(undefined)).toBe(false);
  });
});
