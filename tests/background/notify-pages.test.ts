import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { createBackgroundHandlers } from '@/lib/background/handlers';
import { GlossDatabase } from '@/lib/db';
import { BackgroundRequestSchema } from '@/lib/messaging';

const ID = 'gloss';
const ORIGIN = 'chrome-extension://gloss/';
const library = { id: ID, url: `${ORIGIN}library.html` } as Browser.runtime.MessageSender;
const contentScript = {
  id: ID,
  url: 'https://a.org/',
  tab: { id: 1, url: 'https://a.org/' },
} as Browser.runtime.MessageSender;

function setup(withMany: boolean) {
  const one: string[] = [];
  const many: string[][] = [];
  const handlers = createBackgroundHandlers({
    database: new GlossDatabase(`notify-${Math.random()}`),
    runtimeId: ID,
    extensionOrigin: ORIGIN,
    notifyPage: (k) => one.push(k),
    ...(withMany ? { notifyPages: (keys: string[]) => many.push(keys) } : {}),
  });
  return { handlers, one, many };
}

describe('notifyPagesChanged', () => {
  it('is a valid message with page keys, and nothing else', () => {
    expect(v.is(BackgroundRequestSchema, { type: 'notifyPagesChanged', pageKeys: ['https://a.org/'] })).toBe(
      true,
    );
    expect(v.is(BackgroundRequestSchema, { type: 'notifyPagesChanged', pageKeys: [''] })).toBe(false);
    expect(v.is(BackgroundRequestSchema, { type: 'notifyPagesChanged', pageKeys: 'x' })).toBe(false);
  });

  it('tells the tabs of every page at once when an extension page asks', async () => {
    const { handlers, many } = setup(true);
    const keys = ['https://a.org/', 'https://b.org/'];
    expect(await handlers.notifyPagesChanged({ type: 'notifyPagesChanged', pageKeys: keys }, library)).toBe(
      true,
    );
    expect(many).toEqual([keys]);
  });

  it('falls back to one notice per page', async () => {
    const { handlers, one } = setup(false);
    await handlers.notifyPagesChanged({ type: 'notifyPagesChanged', pageKeys: ['https://a.org/'] }, library);
    expect(one).toEqual(['https://a.org/']);
  });

  it('refuses a content script', async () => {
    const { handlers, many } = setup(true);
    await expect(
      Promise.resolve().then(() =>
        handlers.notifyPagesChanged(
          { type: 'notifyPagesChanged', pageKeys: ['https://a.org/'] },
          contentScript,
        ),
      ),
    ).rejects.toThrow(/Not allowed/);
    expect(many).toEqual([]);
  });
});
