import { afterEach, describe, expect, it, vi } from 'vitest';
import { publishAnnotator } from '@/lib/annotator/handoff';
import { BOOT_PROBLEM, Boot } from '@/lib/boot/boot';

function makeBoot(count: number) {
  const controller = new AbortController();
  const inject = vi.fn(async () => {
    publishAnnotator({ run: vi.fn(async () => undefined), selectionGesture: vi.fn() });
  });
  const boot = new Boot({
    doc: document,
    win: window,
    count: vi.fn(async () => count),
    inject,
    highlightsVisible: async () => true,
    signal: controller.signal,
  });
  return { boot, inject, stop: () => controller.abort() };
}

afterEach(() => {
  // Each test starts with no annotator in this "isolated world".
  delete (globalThis as unknown as Record<symbol, unknown>)[Symbol.for('gloss.annotator')];
});

describe('Boot', () => {
  it('does not load the annotator on a page without annotations', async () => {
    const { boot, inject, stop } = makeBoot(0);
    await boot.start();
    expect(inject).not.toHaveBeenCalled();
    expect(await boot.answer({ type: 'getPageState' })).toMatchObject({ statuses: {}, order: [] });
    stop();
  });

  it('loads it when the page has annotations, then steps aside', async () => {
    const { boot, inject, stop } = makeBoot(2);
    await boot.start();
    expect(inject).toHaveBeenCalledTimes(1);
    expect(boot.claim({ type: 'getPageState' })).toBeNull();
    stop();
  });

  it('ignores synthetic key presses and selections from page scripts', async () => {
    const { boot, inject, stop } = makeBoot(0);
    await boot.start();
    document.body.innerHTML = '<p>Some selectable words here.</p>';
    const range = document.createRange();
    range.selectNodeContents(document.body.firstChild as Node);
    document.getSelection()?.addRange(range);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'h' }));
    document.dispatchEvent(new MouseEvent('mouseup'));
    expect(inject).not.toHaveBeenCalled();
    stop();
  });

  it('makes one annotation of keys pressed while the annotator loads, with the note if one asked', async () => {
    const run = vi.fn(async (_action: string, _range?: Range) => undefined);
    let finish: () => void = () => undefined;
    const inject = vi.fn(
      () =>
        new Promise<void>((resolve) => {
          finish = () => {
            publishAnnotator({ run, selectionGesture: vi.fn() });
            resolve();
          };
        }),
    );
    const controller = new AbortController();
    const boot = new Boot({
      doc: document,
      win: window,
      count: async () => 0,
      inject,
      highlightsVisible: async () => true,
      signal: controller.signal,
    });
    await boot.start();
    document.body.innerHTML = '<p>Some selectable words here.</p>';
    const range = document.createRange();
    range.selectNodeContents(document.body.firstChild as Node);
    document.getSelection()?.removeAllRanges();
    document.getSelection()?.addRange(range);
    const press = (key: string) => {
      const event = new KeyboardEvent('keydown', { key, cancelable: true });
      Object.defineProperty(event, 'isTrusted', { value: true }); // as from a person
      window.dispatchEvent(event);
    };
    press('h');
    press('h');
    press('n');
    finish();
    await vi.waitFor(() => expect(run).toHaveBeenCalled());
    expect(run).toHaveBeenCalledTimes(1);
    expect(run.mock.calls[0]?.[0]).toBe('note');
    expect(inject).toHaveBeenCalledTimes(1);
    controller.abort();
  });

  it('claims only its own three requests', () => {
    const { boot, stop } = makeBoot(0);
    expect(boot.claim({ type: 'runAction', action: 'highlight' })).not.toBeNull();
    expect(boot.claim({ type: 'runAction', action: 'wipe' })).toBeNull();
    expect(boot.claim({ type: 'scrollToAnnotation', id: 'x' })).toBeNull();
    stop();
  });

  it('says so in the page state when the annotator could not be injected', async () => {
    const { boot, inject, stop } = makeBoot(2);
    inject.mockRejectedValueOnce(new Error('Cannot access contents of the page'));
    await expect(boot.start()).rejects.toThrow(/Cannot access/);
    expect(await boot.answer({ type: 'getPageState' })).toMatchObject({ problem: BOOT_PROBLEM });
    stop();
  });

  it('tries to inject the annotator again after a failed attempt', async () => {
    const { boot, inject, stop } = makeBoot(2);
    inject.mockRejectedValueOnce(new Error('Could not establish connection'));
    await expect(boot.start()).rejects.toThrow(/connection/);
    await expect(boot.load()).resolves.toBeDefined();
    expect(inject).toHaveBeenCalledTimes(2);
    expect(boot.claim({ type: 'getPageState' })).toBeNull();
    stop();
  });

  it('says so while the background cannot say whether the page has annotations', async () => {
    const controller = new AbortController();
    const count = vi.fn(async () => 0).mockRejectedValueOnce(new Error('Could not establish connection'));
    const boot = new Boot({
      doc: document,
      win: window,
      count,
      inject: vi.fn(async () => undefined),
      highlightsVisible: async () => true,
      signal: controller.signal,
    });
    await expect(boot.start()).rejects.toThrow(/connection/);
    expect(await boot.answer({ type: 'getPageState' })).toMatchObject({ problem: BOOT_PROBLEM });
    await boot.answer({ type: 'annotationsChanged' });
    expect(await boot.answer({ type: 'getPageState' })).not.toHaveProperty('problem');
    controller.abort();
  });
});
