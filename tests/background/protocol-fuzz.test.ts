/**
 * Protocol fuzz: thousands of random, malformed and hostile messages sent through the
 * real receiving path (transport's `listen` with BackgroundRequestSchema and the real
 * handlers, wired as entrypoints/background.ts wires them) must leave the database exactly
 * as it was. Senders: a content script of a page that owns no annotation (anything it can
 * send, valid or not, except a legitimate write to its own page), and an extension page
 * (malformed messages only: a valid one from there is allowed to write). The generator is
 * seeded, so a failure repeats; the seed and counts are printed.
 */
import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackgroundHandlers } from '@/lib/background/handlers';
import { GlossDatabase } from '@/lib/db';
import { BackgroundRequestSchema, listen } from '@/lib/messaging';
import { pageKey } from '@/lib/page-key';
import { type Annotation, HIGHLIGHT_COLORS } from '@/lib/types';

const SEED = 20261201;
const CONTENT_SCRIPT_MESSAGES = 5_000;
const EXTENSION_PAGE_MESSAGES = 2_000;
const SECRET = 'secret-note-text';

const runtimeId = fakeBrowser.runtime.id;
const origin = fakeBrowser.runtime.getURL('/');
const OWN_URL = 'https://owns-nothing.example/article?id=1';
const OWN_KEY = pageKey(OWN_URL);
const contentScript = {
  id: runtimeId,
  url: OWN_URL,
  tab: { id: 7, url: OWN_URL },
} as Browser.runtime.MessageSender;
const extensionPage = { id: runtimeId, url: `${origin}library.html` } as Browser.runtime.MessageSender;

const OTHER_KEYS = ['https://a.org/', 'https://b.org/post?id=2', 'https://c.org/x'];

function record(id: string, key: string, n: number): Annotation {
  return {
    id,
    pageKey: key,
    url: `${key}#h${n}`,
    title: `Page ${key}`,
    target: {
      quote: { type: 'TextQuoteSelector', exact: `passage ${n}`, prefix: 'before ', suffix: ' after' },
      position: { type: 'TextPositionSelector', start: n * 10, end: n * 10 + 9 },
    },
    note: `${SECRET} ${n}`,
    tags: n % 2 ? ['one', 'two'] : [],
    color: HIGHLIGHT_COLORS[n % HIGHLIGHT_COLORS.length] as Annotation['color'],
    created: `2026-11-0${1 + (n % 9)}T10:00:00.000Z`,
    modified: `2026-11-1${n % 9}T10:00:00.000Z`,
  };
}

const STORED = OTHER_KEYS.flatMap((key, page) =>
  [0, 1, 2].map((i) => record(`id-${page}-${i}`, key, page * 3 + i)),
);
const STORED_IDS = STORED.map((a) => a.id);

/** xorshift32: small, seedable and good enough to spread choices. */
function random(seed: number) {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x1_0000_0000;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)] as T;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}

type Random = ReturnType<typeof random>;

// Built once: thousands of messages must not each allocate a megabyte.
const HUGE = ['x'.repeat(100_001), 'é'.repeat(1_000_000), `${'a'.repeat(8193)}`];
const NASTY_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];
const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\uD800',
  '../../etc',
  'null',
  '0',
  'https://a.org',
  'HTTPS://A.ORG/',
  'https://a.org/#frag',
  OWN_KEY.toUpperCase(),
  '<img src=x onerror=alert(1)>',
  '2026-13-45T99:99:99Z',
  ...NASTY_KEYS,
  ...HUGE,
];

function randomString(r: Random): string {
  if (r.chance(0.4)) return r.pick(NASTY_STRINGS);
  const length = r.int(40);
  let out = '';
  for (let i = 0; i < length; i++) out += String.fromCharCode(r.chance(0.9) ? 32 + r.int(95) : r.int(0xffff));
  return out;
}

/** An own property named `key`, even `__proto__` (a plain assignment would set the prototype). */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
}

function pollution(r: Random): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  setOwn(out, r.pick(NASTY_KEYS), { polluted: true, prototype: { polluted: true } });
  return out;
}

function randomValue(r: Random, depth = 0): unknown {
  switch (r.int(depth > 2 ? 7 : 10)) {
    case 0:
      return null;
    case 1:
      return undefined;
    case 2:
      return r.chance(0.5);
    case 3:
      return r.pick([0, -1, 1.5, 2 ** 53, -(2 ** 31), Number.NaN, Number.POSITIVE_INFINITY, 1e308]);
    case 4:
    case 5:
    case 6:
      return randomString(r);
    case 7:
      return Array.from({ length: r.int(5) }, () => randomValue(r, depth + 1));
    case 8:
      return r.chance(0.3) ? pollution(r) : {};
    default: {
      const out: Record<string, unknown> = {};
      for (let i = r.int(5); i > 0; i--)
        setOwn(out, r.chance(0.3) ? r.pick(NASTY_KEYS) : randomString(r), randomValue(r, depth + 1));
      return out;
    }
  }
}

const someId = (r: Random) => (r.chance(0.7) ? r.pick(STORED_IDS) : randomString(r));
const someKey = (r: Random, mayBeOwn: boolean) =>
  mayBeOwn && r.chance(0.3) ? OWN_KEY : r.chance(0.7) ? r.pick(OTHER_KEYS) : randomString(r);

/** A well-formed record aimed at what the sender does not own. */
function hostileRecord(r: Random): Annotation {
  // A deep copy: mutations below must not reach the records the database was filled from.
  const victim = structuredClone(r.pick(STORED));
  switch (r.int(4)) {
    case 0:
      return victim; // a copy of another page's record: a create that "retries" it
    case 1:
      return { ...victim, pageKey: OWN_KEY, url: OWN_URL, note: 'stolen' }; // moved onto this page
    case 2:
      return { ...victim, note: 'overwritten' }; // another page's record, changed
    default:
      return { ...record(randomString(r) || 'x', someKey(r, false), r.int(50)) };
  }
}

const TYPES = BackgroundRequestSchema.options.map((option) => option.entries.type.literal);

/** A request that the schema accepts (mostly), aimed at other pages' records. */
function template(r: Random, type: string): Record<string, unknown> {
  switch (type) {
    case 'getPageAnnotations':
    case 'countPageAnnotations':
      return { type, pageKey: someKey(r, true) };
    case 'getAnnotation':
    case 'deleteAnnotation':
      return { type, id: someId(r) };
    case 'reportAnchoring': {
      const states: Record<string, unknown> = {};
      for (let i = r.int(4); i >= 0; i--) setOwn(states, someId(r), r.pick(['exact', 'fuzzy', 'orphan']));
      if (r.chance(0.2)) setOwn(states, '__proto__', 'orphan');
      return { type, pageKey: someKey(r, true), states };
    }
    case 'createAnnotation':
    case 'restoreAnnotation':
      return { type, annotation: hostileRecord(r) };
    case 'updateAnnotation':
      return {
        type,
        id: someId(r),
        changes: r.pick([
          { note: 'overwritten' },
          { tags: ['x'] },
          { color: 'green' },
          { target: { quote: { type: 'TextQuoteSelector', exact: 'elsewhere' } } },
        ]),
      };
    case 'notifyPagesChanged':
      return { type, pageKeys: [someKey(r, true), someKey(r, false)] };
    default:
      // A request type added after this test was written: its own fields are random.
      return { type, id: someId(r), pageKey: someKey(r, false) };
  }
}

/** The paths of every value inside `value` (objects and arrays), for mutations to aim at. */
function paths(value: unknown, prefix: string[] = [], out: string[][] = []): string[][] {
  if (value === null || typeof value !== 'object') return out;
  for (const key of Object.keys(value)) {
    out.push([...prefix, key]);
    paths((value as Record<string, unknown>)[key], [...prefix, key], out);
  }
  return out;
}

function mutate(r: Random, message: Record<string, unknown>): unknown {
  const all = paths(message);
  const path = r.pick(all);
  if (!path) return message;
  let parent = message as Record<string, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
  const key = path[path.length - 1] as string;
  switch (r.int(8)) {
    case 0:
      delete parent[key];
      break;
    case 1:
      setOwn(parent, r.pick(NASTY_KEYS), pollution(r));
      break;
    case 2:
      parent[key] = r.pick(HUGE);
      break;
    case 3:
      parent[key] = r.chance(0.5) ? r.pick(STORED_IDS) : r.pick(OTHER_KEYS);
      break;
    case 4:
      parent[key] = [parent[key]];
      break;
    case 5:
      setOwn(parent, randomString(r), randomValue(r));
      break;
    case 6:
      if (key === 'type') parent[key] = `${String(parent[key])}${r.pick([' ', 'X', '\u0000'])}`;
      else parent[key] = randomValue(r);
      break;
    default:
      parent[key] = randomValue(r);
  }
  return message;
}

function randomMessage(r: Random): unknown {
  const roll = r.int(10);
  if (roll === 0) return randomValue(r);
  if (roll === 1)
    return { type: r.chance(0.5) ? r.pick(TYPES) : randomString(r), ...(randomValue(r) as object) };
  const message = template(r, r.pick(TYPES));
  // Half go out well-formed so that the handlers, not only the schema, are exercised.
  if (r.chance(0.5)) for (let n = 1 + r.int(3); n > 0; n--) mutate(r, message);
  return message;
}

/** A request the owner-of-nothing page may really make, and that really writes: kept out of the fuzz. */
function isLegitimateWrite(message: unknown): boolean {
  if (!v.is(BackgroundRequestSchema, message)) return false;
  if (message.type !== 'createAnnotation' && message.type !== 'restoreAnnotation') return false;
  return message.annotation.pageKey === OWN_KEY && !STORED_IDS.includes(message.annotation.id);
}

let database: GlossDatabase;
let notified: string[];
let stop: () => void;

beforeEach(async () => {
  database = new GlossDatabase(`fuzz-${Math.random()}`);
  await database.annotations.bulkAdd(STORED);
  await database.anchorStates.bulkAdd(
    STORED.slice(0, 5).map((a, i) => ({
      id: a.id,
      pageKey: a.pageKey,
      kind: (['exact', 'fuzzy', 'orphan'] as const)[i % 3] as 'exact',
      checked: '2026-11-20T10:00:00.000Z',
    })),
  );
  notified = [];
  const handlers = createBackgroundHandlers({
    database,
    runtimeId,
    extensionOrigin: origin,
    notifyPage: (key) => notified.push(key),
    notifyPages: (keys) => notified.push(...keys),
    injectAnnotator: async () => undefined,
  });
  stop = listen(BackgroundRequestSchema, handlers, (sender) => sender.id === runtimeId);
});

afterEach(() => stop());

/** Every table, every row, in primary-key order: what "unchanged" is measured against. */
async function snapshot(): Promise<string> {
  const tables: Record<string, unknown[]> = {};
  for (const table of database.tables) tables[table.name] = await table.toArray();
  return JSON.stringify(tables);
}

type Outcome = 'dropped' | 'refused' | 'answered';

/** Delivers one message the way the browser does and waits for the answer, if any. */
async function deliver(
  raw: unknown,
  sender: Browser.runtime.MessageSender,
): Promise<{ outcome: Outcome; answer?: unknown }> {
  let respond: (answer: unknown) => void = () => undefined;
  const answered = new Promise<unknown>((resolve) => {
    respond = resolve;
  });
  // The listener's own return value: `true` means it will answer through `respond`.
  const [kept] = (await fakeBrowser.runtime.onMessage.trigger(raw, sender, respond)) as unknown[];
  if (kept !== true) return { outcome: 'dropped' };
  const answer = (await answered) as { ok: boolean };
  return { outcome: answer.ok ? 'answered' : 'refused', answer };
}

async function fuzz(
  count: number,
  sender: Browser.runtime.MessageSender,
  wanted: (message: unknown) => boolean,
  r: Random,
): Promise<Record<Outcome, number> & { byType: Record<string, number>; leaks: unknown[] }> {
  const tally = {
    dropped: 0,
    refused: 0,
    answered: 0,
    byType: {} as Record<string, number>,
    leaks: [] as unknown[],
  };
  const batch: Promise<void>[] = [];
  for (let sent = 0; sent < count; ) {
    const message = randomMessage(r);
    if (!wanted(message)) continue;
    sent++;
    batch.push(
      deliver(message, sender).then(({ outcome, answer }) => {
        tally[outcome]++;
        if (outcome !== 'dropped') {
          const type = `${(message as { type: string }).type} ${outcome}`;
          tally.byType[type] = (tally.byType[type] ?? 0) + 1;
          if (JSON.stringify(answer).includes(SECRET)) tally.leaks.push({ message, answer });
        }
      }),
    );
    // A few at a time, as a busy page would send them, without thousands in flight.
    if (batch.length === 50) await Promise.all(batch.splice(0));
  }
  await Promise.all(batch);
  return tally;
}

describe('protocol fuzz', () => {
  it('no message from a page that owns nothing, and no malformed one from an extension page, changes the database', {
    timeout: 120_000,
  }, async () => {
    const before = await snapshot();
    const r = random(SEED);
    const started = performance.now();
    const fromPage = await fuzz(CONTENT_SCRIPT_MESSAGES, contentScript, (m) => !isLegitimateWrite(m), r);
    const fromExtension = await fuzz(
      EXTENSION_PAGE_MESSAGES,
      extensionPage,
      (m) => !v.is(BackgroundRequestSchema, m),
      r,
    );
    const ms = performance.now() - started;

    expect(await snapshot()).toBe(before);
    expect(notified).toEqual([]);
    expect(fromPage.leaks).toEqual([]);
    // Malformed messages never reach a handler.
    expect(fromExtension.dropped).toBe(EXTENSION_PAGE_MESSAGES);
    // Nothing leaked onto the prototypes the handlers' objects share.
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // The fuzz reached the handlers, not just the schema.
    expect(fromPage.refused + fromPage.answered).toBeGreaterThan(CONTENT_SCRIPT_MESSAGES / 4);
    expect(fromPage.refused).toBeGreaterThan(CONTENT_SCRIPT_MESSAGES / 10);
    for (const type of ['createAnnotation', 'restoreAnnotation', 'updateAnnotation', 'deleteAnnotation'])
      expect(fromPage.byType[`${type} refused`]).toBeGreaterThan(50);

    // The background still answers, and still writes what it should.
    const list = await deliver({ type: 'getPageAnnotations', pageKey: OTHER_KEYS[0] }, extensionPage);
    expect(list).toEqual({ outcome: 'answered', answer: { ok: true, value: STORED.slice(0, 3) } });
    const mine = { ...record('mine', OWN_KEY, 1), url: OWN_URL };
    expect(await deliver({ type: 'createAnnotation', annotation: mine }, contentScript)).toEqual({
      outcome: 'answered',
      answer: { ok: true, value: mine },
    });
    expect(await database.annotations.get('mine')).toEqual(mine);

    console.log(
      [
        `protocol fuzz (seed ${SEED}): ${CONTENT_SCRIPT_MESSAGES + EXTENSION_PAGE_MESSAGES} messages in ${(ms / 1000).toFixed(1)} s, database unchanged`,
        `  from a content script of a page that owns nothing: ${CONTENT_SCRIPT_MESSAGES} (${fromPage.dropped} dropped by the schema, ${fromPage.refused} refused, ${fromPage.answered} answered harmlessly)`,
        `    reaching a handler: ${JSON.stringify(fromPage.byType)}`,
        `  malformed, from an extension page: ${EXTENSION_PAGE_MESSAGES} (${fromExtension.dropped} dropped)`,
      ].join('\n'),
    );
  });
});
