import { afterEach, describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackgroundHandlers } from '@/lib/background/handlers';
import { GlossDatabase } from '@/lib/db';
import { BackgroundRequestSchema, listen } from '@/lib/messaging';
import type { Annotation } from '@/lib/types';

const origin = fakeBrowser.runtime.getURL('/');
const library = { id: fakeBrowser.runtime.id, url: `${origin}library.html` } as Browser.runtime.MessageSender;

const make = (id: string, note = ''): Annotation => ({
  id,
  pageKey: 'https://a.org/',
  url: 'https://a.org/',
  title: 'A',
  target: { quote: { type: 'TextQuoteSelector', exact: 'word' } },
  note,
  tags: [],
  color: 'yellow',
  created: '2026-11-29T10:00:00.000Z',
  modified: '2026-11-29T10:00:00.000Z',
});

let stop: () => void = () => undefined;
afterEach(() => stop());

describe('a full disk', () => {
  it('answers with a clear message and loses nothing already stored', async () => {
    const database = new GlossDatabase(`full-${Math.random()}`);
    // Once `full`, every write fails as IndexedDB does when the disk is full.
    let full = false;
    database.use({
      stack: 'dbcore',
      name: 'full-disk',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return {
            ...table,
            mutate: (request) =>
              full
                ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
                : table.mutate(request),
          };
        },
      }),
    });
    await database.annotations.add(make('kept', 'An older thought'));
    const handlers = createBackgroundHandlers({
      database,
      runtimeId: fakeBrowser.runtime.id,
      extensionOrigin: origin,
      notifyPage: () => undefined,
    });
    stop = listen(BackgroundRequestSchema, handlers, () => true);
    full = true;
    let answer: unknown;
    const answered = new Promise<void>((resolve) => {
      void fakeBrowser.runtime.onMessage.trigger(
        { type: 'updateAnnotation', id: 'kept', changes: { note: 'A new thought' } },
        library,
        (value: unknown) => {
          answer = value;
          resolve();
        },
      );
    });
    await answered;
    expect(answer).toEqual({
      ok: false,
      error:
        'Your disk is full, so Gloss could not save. Nothing stored was lost; free some space and try again.',
    });
    full = false;
    expect((await database.annotations.get('kept'))?.note).toBe('An older thought');
  });
});
