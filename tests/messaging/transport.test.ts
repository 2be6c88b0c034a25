import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { isTransientFailure, sendToBackground } from '@/lib/messaging';

afterEach(() => vi.restoreAllMocks());

const noWait = () => Promise.resolve();
// runtime.sendMessage is typed as returning nothing; Gloss's listeners answer with a Result.
const answer = (value: unknown) => value as unknown as undefined;

describe('sendToBackground', () => {
  it('sends again when the service worker stopped before it answered', async () => {
    const send = vi
      .spyOn(browser.runtime, 'sendMessage')
      .mockRejectedValueOnce(new Error('The message port closed before a response was received.'))
      .mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'))
      .mockResolvedValueOnce(answer({ ok: true, value: 3 }));
    await expect(
      sendToBackground({ type: 'countPageAnnotations', pageKey: 'https://a.org/' }, noWait),
    ).resolves.toBe(3);
    expect(send).toHaveBeenCalledTimes(3);
    // The same request each time: nothing was lost or rebuilt between attempts.
    expect(new Set(send.mock.calls.map((call) => JSON.stringify(call[0])))).toHaveLength(1);
  });

  it('does not resend what the background refused, and gives up on a dead channel in the end', async () => {
    const refused = vi
      .spyOn(browser.runtime, 'sendMessage')
      .mockResolvedValue(answer({ ok: false, error: 'Not allowed' }));
    await expect(sendToBackground({ type: 'deleteAnnotation', id: 'x' }, noWait)).rejects.toThrow(
      'Not allowed',
    );
    expect(refused).toHaveBeenCalledTimes(1);
    refused.mockRejectedValue(new Error('The message port closed before a response was received.'));
    await expect(sendToBackground({ type: 'deleteAnnotation', id: 'x' }, noWait)).rejects.toThrow(
      /port closed/,
    );
    expect(refused.mock.calls.length).toBeGreaterThan(5);
  });

  it('treats an invalidated extension as final', () => {
    expect(isTransientFailure(new Error('Extension context invalidated.'))).toBe(false);
    expect(isTransientFailure(new Error('Gloss did not answer. Reload the page and try again.'))).toBe(true);
  });
});
