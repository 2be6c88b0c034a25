/**
 * Who sent a message. Only Gloss's own contexts can reach its listeners at all (there is no
 * `externally_connectable`), but a content script lives beside untrusted page code, so its
 * requests are confined to the page it runs in, and the note frame is web-accessible, so
 * any page can frame it: it may act only on the annotation its ticket granted (see
 * lib/background/frame-tickets.ts). Other extension pages may act on any page.
 */
import { pageKey } from '../page-key';

export interface SenderInfo {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

/** The one extension page that web pages can frame. */
export const NOTE_FRAME_PATH = 'note-editor.html';

export type SenderKind =
  | { kind: 'extension-page' }
  | { kind: 'note-frame'; tabId: number; frameId: number }
  | { kind: 'content-script'; tabId: number; pageKeys: string[] }
  | { kind: 'foreign' };

export function classifySender(sender: SenderInfo, runtimeId: string, extensionOrigin: string): SenderKind {
  if (sender.id !== runtimeId) return { kind: 'foreign' };
  if (sender.url?.startsWith(extensionOrigin)) {
    const path = sender.url.slice(extensionOrigin.length).split(/[?#]/)[0]?.replace(/^\//, '');
    if (path !== NOTE_FRAME_PATH) return { kind: 'extension-page' };
    const tabId = sender.tab?.id;
    return tabId === undefined
      ? { kind: 'foreign' }
      : { kind: 'note-frame', tabId, frameId: sender.frameId ?? 0 };
  }
  const tabId = sender.tab?.id;
  if (tabId === undefined) return { kind: 'foreign' };
  // The tab URL can lag a `pushState` navigation by a moment, so either URL will do.
  const pageKeys = [sender.url, sender.tab?.url].filter((u): u is string => !!u).map(pageKey);
  return { kind: 'content-script', tabId, pageKeys };
}

/** May this sender act on annotations of `key`? */
export function mayTouchPage(sender: SenderKind, key: string): boolean {
  if (sender.kind === 'extension-page') return true;
  return sender.kind === 'content-script' && sender.pageKeys.includes(key);
}
