import { describe, expect, it } from 'vitest';
import { changesFollowed, describeTab, followsActivation } from '@/lib/pages/followed-tab';

describe('which tab the side panel follows', () => {
  it('follows tabs activated in its own window only, and none when pinned to a tab', () => {
    expect(followsActivation(undefined, 3, 3)).toBe(true);
    expect(followsActivation(undefined, 3, 4)).toBe(false);
    expect(followsActivation(undefined, undefined, 3)).toBe(false);
    expect(followsActivation(7, 3, 3)).toBe(false);
  });

  it('re-reads the followed tab when its address, title or loading changes', () => {
    expect(changesFollowed(5, 5, { url: 'https://a.org/?story=two' })).toBe(true);
    expect(changesFollowed(5, 5, { title: 'Story two' })).toBe(true);
    expect(changesFollowed(5, 5, { status: 'complete' })).toBe(true);
    expect(changesFollowed(5, 5, { status: 'loading' })).toBe(false);
    expect(changesFollowed(5, 6, { url: 'https://b.org/' })).toBe(false);
    expect(changesFollowed(undefined, 5, { url: 'https://b.org/' })).toBe(false);
  });

  it('keys the tab by its page', () => {
    expect(describeTab({ id: 2, url: 'https://a.org/x#part', title: 'X' })).toEqual({
      id: 2,
      url: 'https://a.org/x#part',
      title: 'X',
      key: 'https://a.org/x',
    });
    expect(describeTab(undefined).key).toBe('');
  });
});
