/**
 * The boot script on a site where the reader turned Gloss off: it loads nothing, answers
 * no key or menu action, and brings the annotator (and so the highlights) back when the
 * site is turned on again, also after the annotator took itself out of the page.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  type AnnotatorHandle,
  annotatorLoaded,
  type PageAction,
  publishAnnotator,
  withdrawAnnotator,
} from '@/lib/annotator/handoff';
import { Boot, type SiteSwitch } from '@/lib/boot/boot';
import { type BootApi, siteSwitch } from '@/lib/boot/runtime';
import { disabledSites, setSiteOff } from '@/lib/settings';

/** A site switch the test turns by hand. */
function handSwitch(initiallyOff: boolean) {
  let listener: (off: boolean) => void = () => undefined;
  const site: SiteSwitch = {
    isOff: async () => initiallyOff,
    onChange: (next) => {
      listener = next;
    },
  };
  return { site, turn: (off: boolean) => listener(off) };
}

function makeBoot(count: number, site: SiteSwitch) {
  const controller = new AbortController();
  const handles: AnnotatorHandle[] = [];
  const inject = vi.fn(async () => {
    const handle = {
      run: vi.fn(async (_action: PageAction, _range?: Range) => undefined),
      selectionGesture: vi.fn(),
    };
    handles.push(handle);
    publishAnnotator(handle);
  });
  const boot = new Boot({
    doc: document,
    win: window,
    count: vi.fn(async () => count),
    inject,
    highlightsVisible: async () => true,
    site,
    signal: controller.signal,
  });
  return { boot, inject, handles, stop: () => controller.abort() };
}

function selectSomething(): void {
  document.body.innerHTML = '<p>Some selectable words here.</p>';
  const range = document.createRange();
  range.selectNodeContents(document.body.firstChild as Node);
  document.getSelection()?.removeAllRanges();
  document.getSelection()?.addRange(range);
}

function press(key: string): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, cancelable: true });
  Object.defineProperty(event, 'isTrusted', { value: true }); // as from a person
  window.dispatchEvent(event);
  return event;
}

afterEach(() => {
  delete (globalThis as unknown as Record<symbol, unknown>)[Symbol.for('gloss.annotator')];
  fakeBrowser.reset();
});

describe('Boot on a site where Gloss is off', () => {
  it('loads nothing on an annotated page, lets h through to the page and refuses menu actions', async () => {
    const { site } = handSwitch(true);
    const { boot, inject, stop } = makeBoot(3, site);
    await boot.start();
    selectSomething();
    expect(press('h').defaultPrevented).toBe(false);
    const mouseup = new MouseEvent('mouseup');
    Object.defineProperty(mouseup, 'isTrusted', { value: true });
    document.dispatchEvent(mouseup);
    expect(await boot.answer({ type: 'runAction', action: 'highlight' })).toBe(false);
    await boot.answer({ type: 'annotationsChanged' });
    expect(inject).not.toHaveBeenCalled();
    stop();
  });

  it('loads the annotator when the site is turned back on, and again after it left', async () => {
    const { site, turn } = handSwitch(true);
    const { boot, inject, handles, stop } = makeBoot(2, site);
    await boot.start();
    turn(false);
    await vi.waitFor(() => expect(annotatorLoaded()).toBe(true));
    expect(inject).toHaveBeenCalledTimes(1);
    // Off again: the annotator takes itself out (entrypoints/annotator.content) ...
    turn(true);
    const [first] = handles;
    if (first) withdrawAnnotator(first);
    expect(boot.claim({ type: 'getPageState' })).not.toBeNull();
    // ... and on again, a new one comes, not the old one's leftover promise.
    turn(false);
    await vi.waitFor(() => expect(inject).toHaveBeenCalledTimes(2));
    selectSomething();
    await boot.answer({ type: 'runAction', action: 'note' });
    expect(handles[0]?.run).not.toHaveBeenCalled();
    expect(handles[1]?.run).toHaveBeenCalledWith('note');
    stop();
  });

  it('drops a key pressed while loading when the site is turned off meanwhile', async () => {
    const { site, turn } = handSwitch(false);
    const run = vi.fn(async () => undefined);
    let finish: () => void = () => undefined;
    const controller = new AbortController();
    const boot = new Boot({
      doc: document,
      win: window,
      count: async () => 0,
      inject: () =>
        new Promise<void>((resolve) => {
          finish = () => {
            publishAnnotator({ run, selectionGesture: vi.fn() });
            resolve();
          };
        }),
      highlightsVisible: async () => true,
      site,
      signal: controller.signal,
    });
    await boot.start();
    selectSomething();
    expect(press('h').defaultPrevented).toBe(true);
    turn(true);
    finish();
    await boot.load();
    expect(run).not.toHaveBeenCalled();
    controller.abort();
  });
});

describe('siteSwitch (the native-API reading of the disabledSites setting)', () => {
  const api = fakeBrowser as unknown as BootApi;

  it('reads and follows what the WXT settings item writes, for its own site only', async () => {
    const controller = new AbortController();
    const seen: boolean[] = [];
    const site = siteSwitch(api, 'a.org', controller.signal);
    expect(await site.isOff()).toBe(false);
    site.onChange((off) => seen.push(off));
    await setSiteOff('b.org', true);
    await setSiteOff('a.org', true);
    expect(await site.isOff()).toBe(true);
    await setSiteOff('a.org', false);
    expect(seen).toEqual([false, true, false]);
    await disabledSites.removeValue();
    expect(await site.isOff()).toBe(false);
    controller.abort();
    await setSiteOff('a.org', true);
    expect(seen).toEqual([false, true, false, false]);
  });
});
