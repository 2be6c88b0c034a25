/**
 * The boot script's hand-written request check must agree with the protocol's schema on
 * every message: the same three requests accepted, with the same output, and everything
 * else (other requests, wrong or missing fields, non-objects) rejected.
 */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { parseBootRequest } from '@/lib/boot/requests';
import { TabRequestSchema } from '@/lib/messaging';

const BOOT_TYPES = new Set(['annotationsChanged', 'getPageState', 'runAction']);

/** What the schema makes of `raw`, narrowed to the requests the boot script answers. */
function bySchema(raw: unknown): unknown {
  const parsed = v.safeParse(TabRequestSchema, raw);
  return parsed.success && BOOT_TYPES.has(parsed.output.type) ? parsed.output : null;
}

const HAND_PICKED: unknown[] = [
  { type: 'annotationsChanged' },
  { type: 'getPageState' },
  { type: 'runAction', action: 'highlight' },
  { type: 'runAction', action: 'note' },
  { type: 'getPageState', extra: 'dropped', pageKey: 'https://evil.example/' },
  { type: 'runAction', action: 'note', range: { start: 0 } },
  { type: 'runAction' },
  { type: 'runAction', action: 'wipe' },
  { type: 'runAction', action: 'HIGHLIGHT' },
  { type: 'runAction', action: ['highlight'] },
  { type: 'runAction', action: null },
  { type: 'scrollToAnnotation', id: 'x' },
  { type: 'setHighlightsVisible', visible: false },
  { type: 'GETPAGESTATE' },
  { type: ['getPageState'] },
  { type: null },
  {},
  [],
  ['getPageState'],
  null,
  undefined,
  'getPageState',
  42,
  true,
];

/** A seeded generator of messages near the boot shapes, so a failure repeats. */
function* nearMisses(seed: number, count: number): Generator<unknown> {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const types = [...BOOT_TYPES, 'openNote', 'reattachAnnotation', '', 'runaction', 1, null, undefined];
  const actions = ['highlight', 'note', 'delete', '', 0, false, null, undefined, {}];
  for (let i = 0; i < count; i++) {
    const message: Record<string, unknown> = {};
    if (next() < 0.9) message.type = pick(types);
    if (next() < 0.7) message.action = pick(actions);
    if (next() < 0.3) message.id = pick(['a', '', 7]);
    yield next() < 0.05 ? pick([message.type, [message], JSON.stringify(message)]) : message;
  }
}

describe('parseBootRequest', () => {
  it('agrees with TabRequestSchema on hand-picked messages', () => {
    for (const raw of HAND_PICKED) expect(parseBootRequest(raw), JSON.stringify(raw)).toEqual(bySchema(raw));
  });

  it('agrees with TabRequestSchema on 2,000 seeded near misses', () => {
    let accepted = 0;
    for (const raw of nearMisses(20261202, 2_000)) {
      const mine = parseBootRequest(raw);
      expect(mine, JSON.stringify(raw)).toEqual(bySchema(raw));
      if (mine) accepted++;
    }
    // Both sides of the check were exercised.
    expect(accepted).toBeGreaterThan(100);
    expect(accepted).toBeLessThan(1_900);
  });

  it('returns a new object with the known fields only', () => {
    const raw = { type: 'runAction', action: 'note', pageKey: 'https://evil.example/' };
    const parsed = parseBootRequest(raw);
    expect(parsed).toEqual({ type: 'runAction', action: 'note' });
    expect(parsed).not.toBe(raw);
  });
});
