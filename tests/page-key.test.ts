import { describe, expect, it } from 'vitest';
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
