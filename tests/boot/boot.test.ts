import { afterEach, describe, expect, it, vi } from 'vitest';
import { publishAnnotator } from '@/lib/annotator/handoff';
import { Boot } from '@/lib/boot/boot';

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

  it('claims only its own three requests', () => {
    const { boot, stop } = makeBoot(0);
    expect(boot.claim({ type: 'runAction', action: 'highlight' })).not.toBeNull();
    expect(boot.claim({ type: 'runAction', action: 'wipe' })).toBeNull();
    expect(boot.claim({ type: 'scrollToAnnotation', id: 'x' })).toBeNull();
    stop();
  });
});
