import { describe, expect, it } from 'vitest';
import { isSiteOff, siteOf, withSite } from '@/lib/settings/sites';

describe('sites where Gloss is off', () => {
  it('names a site by its lower-case host, and nothing for what has none', () => {
    expect(siteOf('https://En.Wikipedia.org/wiki/Heron?x=1#top')).toBe('en.wikipedia.org');
    expect(siteOf('http://127.0.0.1:4173/article.html')).toBe('127.0.0.1');
    expect(siteOf('not a url')).toBe('');
    expect(siteOf('file:///home/me/notes.html')).toBe('');
  });

  it('reads only a list of names as the stored value, and never turns off the nameless site', () => {
    expect(isSiteOff(['a.org', 'b.org'], 'b.org')).toBe(true);
    expect(isSiteOff(['a.org'], 'b.org')).toBe(false);
    expect(isSiteOff(undefined, 'a.org')).toBe(false);
    expect(isSiteOff('a.org', 'a.org')).toBe(false);
    expect(isSiteOff({ 0: 'a.org' }, 'a.org')).toBe(false);
    expect(isSiteOff([''], '')).toBe(false);
  });

  it('adds and removes a site, sorted and without repeats', () => {
    expect(withSite(['c.org', 'a.org'], 'b.org', true)).toEqual(['a.org', 'b.org', 'c.org']);
    expect(withSite(['a.org'], 'a.org', true)).toEqual(['a.org']);
    expect(withSite(['a.org', 'b.org'], 'a.org', false)).toEqual(['b.org']);
    expect(withSite(['a.org'], 'z.org', false)).toEqual(['a.org']);
    expect(withSite([], '', true)).toEqual([]);
  });
});
