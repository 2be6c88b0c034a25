import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  answerRequests,
  type BootApi,
  type BootListener,
  nativeApi,
  readHighlightsVisible,
  sendFromBoot,
} from '@/lib/boot/runtime';
import { highlightsVisible } from '@/lib/settings';

const api = fakeBrowser as unknown as BootApi;
const noWait = () => Promise.resolve();

afterEach(() => fakeBrowser.reset());

/** An API whose runtime answers every message with `answer` and records its listeners. */
function fakeApi(answer: unknown, id = 'gloss-id') {
  const listeners = new Set<BootListener>();
  const sent: unknown[] = [];
  const fake: BootApi = {
    runtime: {
      id,
      sendMessage: async (message) => {
        sent.push(message);
        return answer;
      },
      onMessage: {
        addListener: (listener) => listeners.add(listener),
        removeListener: (listener) => listeners.delete(listener),
      },
    },
    storage: { local: { get: async () => ({}) } },
  };
  return { fake, listeners, sent };
}

describe('readHighlightsVisible', () => {
  it('reads what the WXT settings item writes, and its fallback when unset', async () => {
    expect(await readHighlightsVisible(api)).toBe(true);
    await highlightsVisible.setValue(false);
    expect(await readHighlightsVisible(api)).toBe(false);
    await highlightsVisible.setValue(true);
    expect(await readHighlightsVisible(api)).toBe(true);
    await highlightsVisible.removeValue();
    expect(await readHighlightsVisible(api)).toBe(await highlightsVisible.getValue());
  });
});

describe('sendFromBoot', () => {
  it('sends the message and returns the value of a successful answer', async () => {
    const { fake, sent } = fakeApi({ ok: true, value: 3 });
    expect(await sendFromBoot(fake, { type: 'countPageAnnotations', pageKey: 'https://a.org/' })).toBe(3);
    expect(sent).toEqual([{ type: 'countPageAnnotations', pageKey: 'https://a.org/' }]);
  });

  it('throws the error of a failed answer at once, and says so when there is never an answer', async () => {
    const refused = fakeApi({ ok: false, error: 'No tab' });
    await expect(sendFromBoot(refused.fake, { type: 'loadAnnotator' }, noWait)).rejects.toThrow('No tab');
    expect(refused.sent).toHaveLength(1);
    const silent = fakeApi(undefined);
    await expect(sendFromBoot(silent.fake, { type: 'loadAnnotator' }, noWait)).rejects.toThrow(
      /did not answer/,
    );
    expect(silent.sent.length).toBeGreaterThan(1);
  });

  it('sends again when the service worker stopped before it answered, as sendToBackground does', async () => {
    const { fake, sent } = fakeApi({ ok: true, value: 1 });
    const answer = fake.runtime.sendMessage;
    let failures = 2;
    fake.runtime.sendMessage = (message) =>
      failures-- > 0
        ? Promise.reject(new Error('The message port closed before a response was received.'))
        : answer(message);
    expect(
      await sendFromBoot(fake, { type: 'countPageAnnotations', pageKey: 'https://a.org/' }, noWait),
    ).toBe(1);
    expect(sent).toHaveLength(1);
  });
});

describe('answerRequests', () => {
  function setUp() {
    const { fake, listeners } = fakeApi(undefined);
    const boot = {
      claim: vi.fn((raw: unknown) => (raw === 'mine' ? 'request' : null)),
      answer: vi.fn(async () => 'answer'),
    };
    const controller = new AbortController();
    answerRequests(fake, boot, controller.signal);
    const [listener] = listeners;
    if (!listener) throw new Error('no listener');
    return { listener, listeners, boot, controller };
  }

  it('answers what the boot script claims, from this extension only', async () => {
    const { listener, boot } = setUp();
    const respond = vi.fn();
    expect(listener('mine', { id: 'other-extension' }, respond)).toBe(false);
    expect(boot.claim).not.toHaveBeenCalled();
    expect(listener('not mine', { id: 'gloss-id' }, respond)).toBe(false);
    expect(listener('mine', { id: 'gloss-id' }, respond)).toBe(true);
    await vi.waitFor(() => expect(respond).toHaveBeenCalledWith({ ok: true, value: 'answer' }));
    expect(respond).toHaveBeenCalledTimes(1);
  });

  it('answers a failure as a Result, and stops listening when the lifetime ends', async () => {
    const { listener, listeners, boot, controller } = setUp();
    boot.answer.mockRejectedValueOnce(new Error('Cannot access contents of the page'));
    const respond = vi.fn();
    listener('mine', { id: 'gloss-id' }, respond);
    await vi.waitFor(() =>
      expect(respond).toHaveBeenCalledWith({ ok: false, error: 'Error: Cannot access contents of the page' }),
    );
    controller.abort();
    expect(listeners.size).toBe(0);
  });
});

describe('nativeApi', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('takes `browser` where it is the live extension API, else `chrome`', () => {
    const { fake: native } = fakeApi(undefined);
    const { fake: chrome } = fakeApi(undefined);
    vi.stubGlobal('browser', native);
    vi.stubGlobal('chrome', chrome);
    expect(nativeApi()).toBe(native);
    vi.stubGlobal('browser', { runtime: {} });
    expect(nativeApi()).toBe(chrome);
    vi.stubGlobal('browser', undefined);
    expect(nativeApi()).toBe(chrome);
  });
});
