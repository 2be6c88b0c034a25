import { describe, expect, it } from 'vitest';
import { classifySender, mayTouchPage } from '@/lib/messaging';

const ID = 'gloss-id';
const ORIGIN = 'chrome-extension://gloss-id/';

describe('classifySender', () => {
  it('rejects messages from other extensions', () => {
    expect(classifySender({ id: 'other', url: ORIGIN }, ID, ORIGIN)).toEqual({ kind: 'foreign' });
  });
  it('trusts Gloss pages, even inside a tab', () => {
    expect(classifySender({ id: ID, url: `${ORIGIN}library.html`, tab: { id: 3 } }, ID, ORIGIN).kind).toBe(
      'extension-page',
    );
  });
  it('never trusts the web-accessible note frame as an extension page: any site can frame it', () => {
    for (const url of [`${ORIGIN}note-editor.html`, `${ORIGIN}note-editor.html?id=x&view=card`]) {
      const sender = classifySender({ id: ID, url, tab: { id: 3 }, frameId: 7 }, ID, ORIGIN);
      expect(sender).toEqual({ kind: 'note-frame', tabId: 3, frameId: 7 });
      expect(mayTouchPage(sender, 'https://a.org/x')).toBe(false);
    }
  });
  it('confines a content script to its page', () => {
    const sender = classifySender(
      { id: ID, url: 'https://a.org/x?utm_source=1#y', tab: { id: 3, url: 'https://a.org/x' } },
      ID,
      ORIGIN,
    );
    expect(sender).toEqual({
      kind: 'content-script',
      tabId: 3,
      pageKeys: ['https://a.org/x', 'https://a.org/x'],
    });
    expect(mayTouchPage(sender, 'https://a.org/x')).toBe(true);
    expect(mayTouchPage(sender, 'https://b.org/')).toBe(false);
  });
  it('treats a sender without tab or extension URL as foreign', () => {
    expect(classifySender({ id: ID, url: 'https://a.org' }, ID, ORIGIN)).toEqual({ kind: 'foreign' });
    expect(mayTouchPage({ kind: 'foreign' }, 'https://a.org/')).toBe(false);
  });
});
