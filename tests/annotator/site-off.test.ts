/**
 * What the settings do to the in-page annotator: turned off for the site it takes its
 * highlights and UI out of the page; the theme reaches its layer; margin notes turned off
 * become markers; and followSettings applies every setting live, the site switch once.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { buildTextModel, describeSpan } from '@/lib/anchoring';
import { Annotator } from '@/lib/annotator/annotator';
import { followSettings, type SettingsTarget } from '@/lib/annotator/live-settings';
import { layoutMargin } from '@/lib/annotator/margin-layout';
import { piecesOf } from '@/lib/highlight';
import { pageKey } from '@/lib/page-key';
import { colorLabels, currentColor, marginNotes, setSiteOff, theme } from '@/lib/settings';
import type { Annotation } from '@/lib/types';

const PASSAGE = 'The committee approved the new budget';

function stored(note: string): Annotation {
  const model = buildTextModel(document.body);
  const start = model.text.indexOf(PASSAGE);
  return {
    id: 'a',
    pageKey: pageKey(location.href),
    url: location.href,
    title: 'Budget',
    target: describeSpan(model, start, start + PASSAGE.length),
    note,
    tags: [],
    color: 'yellow',
    created: '2026-11-29T10:00:00.000Z',
    modified: '2026-11-29T10:00:00.000Z',
  };
}

let shadow: ShadowRoot | null = null;
let controller: AbortController;

function start(annotations: Annotation[]): Annotator {
  controller = new AbortController();
  return new Annotator({
    doc: document,
    win: window,
    store: {
      list: async () => annotations,
      create: async () => true,
      update: async () => true,
      restore: async () => true,
      report: async () => true,
      ticket: async () => 'ticket-0123456789abcdef',
    },
    settings: { color: () => 'yellow', setColor: () => undefined, visible: true },
    frameUrl: 'about:blank',
    frameOrigin: 'chrome-extension://gloss-test',
    newId: () => 'new',
    signal: controller.signal,
  });
}

beforeEach(() => {
  document.body.innerHTML = `<article><p>${PASSAGE} after a long debate.</p></article>`;
  const attachShadow = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init) {
    shadow = attachShadow.call(this, init);
    return shadow;
  });
});

afterEach(() => {
  controller.abort();
  vi.restoreAllMocks();
  shadow = null;
  fakeBrowser.reset();
});

describe('the annotator and the settings', () => {
  it('leaves the page as it found it when Gloss is turned off for the site', async () => {
    const before = document.body.innerHTML;
    const annotator = start([stored('')]);
    await annotator.refresh();
    expect(piecesOf(document, 'a')).not.toHaveLength(0);
    annotator.remove();
    expect(piecesOf(document, 'a')).toHaveLength(0);
    expect(document.body.innerHTML).toBe(before);
    expect(shadow?.host.isConnected).toBe(false);
  });

  it('puts the theme on its layer', () => {
    const annotator = start([]);
    annotator.setTheme('dark');
    expect(shadow?.querySelector('.layer')?.getAttribute('data-theme')).toBe('dark');
    annotator.destroy();
  });

  it('shows every note as a marker when margin notes are off', () => {
    const inputs = [{ id: 'a', top: 10, endRight: 300, endTop: 12, blockRight: 400 }];
    expect(layoutMargin(inputs, 1200).items).toHaveLength(1);
    const off = layoutMargin(inputs, 1200, false);
    expect(off.items).toHaveLength(0);
    expect(off.markers).toEqual([{ id: 'a', top: 8, left: 302 }]);
  });
});

describe('followSettings', () => {
  function target() {
    return {
      theme: vi.fn<SettingsTarget['theme']>(),
      labels: vi.fn<SettingsTarget['labels']>(),
      marginNotes: vi.fn<SettingsTarget['marginNotes']>(),
      color: vi.fn<SettingsTarget['color']>(),
      siteOff: vi.fn<SettingsTarget['siteOff']>(),
    };
  }

  it('applies every stored setting before it resolves, then each change, until the signal ends', async () => {
    await theme.setValue('dark');
    await colorLabels.setValue({ yellow: ' key idea ' });
    const seen = target();
    const session = new AbortController();
    await followSettings(seen, 'a.org', session.signal);
    expect(seen.theme).toHaveBeenLastCalledWith('dark');
    expect(seen.labels).toHaveBeenLastCalledWith({ yellow: 'key idea' });
    expect(seen.marginNotes).toHaveBeenLastCalledWith(true);
    expect(seen.color).toHaveBeenLastCalledWith('yellow');
    await marginNotes.setValue(false);
    await currentColor.setValue('blue');
    expect(seen.marginNotes).toHaveBeenLastCalledWith(false);
    expect(seen.color).toHaveBeenLastCalledWith('blue');
    session.abort();
    await theme.setValue('light');
    expect(seen.theme).not.toHaveBeenCalledWith('light');
  });

  it('calls siteOff once, for its own site only', async () => {
    const seen = target();
    const session = new AbortController();
    await followSettings(seen, 'a.org', session.signal);
    await setSiteOff('b.org', true);
    expect(seen.siteOff).not.toHaveBeenCalled();
    await setSiteOff('a.org', true);
    await setSiteOff('c.org', true);
    expect(seen.siteOff).toHaveBeenCalledTimes(1);
    session.abort();
  });

  it('finds the site already off at its first reading', async () => {
    await setSiteOff('a.org', true);
    const seen = target();
    const session = new AbortController();
    await followSettings(seen, 'a.org', session.signal);
    expect(seen.siteOff).toHaveBeenCalledTimes(1);
    session.abort();
  });
});
