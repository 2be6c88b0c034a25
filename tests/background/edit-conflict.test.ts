import { describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { createBackgroundHandlers } from '@/lib/background/handlers';
import { GlossDatabase } from '@/lib/db';
import { EDIT_CONFLICT } from '@/lib/messaging';
import type { Annotation } from '@/lib/types';

const ORIGIN = 'chrome-extension://gloss/';
const page = { id: 'gloss', url: `${ORIGIN}sidepanel.html` } as Browser.runtime.MessageSender;

describe('two views editing one note', () => {
  it('refuses the later save that started from an older note, and keeps the earlier one', async () => {
    const database = new GlossDatabase(`conflict-${Math.random()}`);
    const stored: Annotation = {
      id: 'n',
      pageKey: 'https://a.org/',
      url: 'https://a.org/',
      title: 'A',
      target: { quote: { type: 'TextQuoteSelector', exact: 'word' } },
      note: 'Original',
      tags: [],
      color: 'yellow',
      created: '2026-11-29T10:00:00.000Z',
      modified: '2026-11-29T10:00:00.000Z',
    };
    await database.annotations.add(stored);
    const handlers = createBackgroundHandlers({
      database,
      runtimeId: 'gloss',
      extensionOrigin: ORIGIN,
      notifyPage: () => undefined,
    });
    const save = (note: string, expectedNote: string) =>
      handlers.updateAnnotation({ type: 'updateAnnotation', id: 'n', changes: { note }, expectedNote }, page);
    await save('From the side panel', 'Original');
    await expect(save('From the card', 'Original')).rejects.toThrow(EDIT_CONFLICT);
    expect((await database.annotations.get('n'))?.note).toBe('From the side panel');
    // The reader saw both and chose theirs over the other: a save from the current note goes through.
    await save('From the card', 'From the side panel');
    expect((await database.annotations.get('n'))?.note).toBe('From the card');
    // A retry of a save that already landed is not a conflict.
    await save('From the card', 'From the side panel');
    // A colour change while editing does not count as a change of the note.
    await handlers.updateAnnotation({ type: 'updateAnnotation', id: 'n', changes: { color: 'green' } }, page);
    await save('Later', 'From the card');
    expect((await database.annotations.get('n'))?.note).toBe('Later');
  });
});
