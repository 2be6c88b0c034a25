/**
 * A large library must import in one go: 50,000 annotations (about 25 MB of JSON) over a few
 * hundred pages. Only correctness is asserted; the time is for the reader of the test output.
 */
import { describe, expect, it } from 'vitest';
import { parseImport, toWebAnnotation } from '../../lib/export';
import type { Annotation } from '../../lib/types';
import { makeAnnotation, NOW } from './fixtures';

const COUNT = 50_000;
const COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
const filler = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt. ';

function generate(): Annotation[] {
  return Array.from({ length: COUNT }, (_, i) =>
    makeAnnotation(i, {
      url: `https://example.com/articles/${i % 400}?utm_source=feed&page=${i % 3}#section-${i % 7}`,
      title: `Article number ${i % 400}`,
      target: {
        quote: {
          type: 'TextQuoteSelector',
          exact: `${filler}passage ${i}`,
          prefix: `${filler.slice(0, 32)} `,
          suffix: ` after ${i}`,
        },
        position: { type: 'TextPositionSelector', start: i, end: i + filler.length },
      },
      note: i % 3 === 0 ? `Note **${i}**\n\n- with a list\n- and "quotes"` : '',
      tags: i % 5 === 0 ? ['sample', `tag-${i % 50}`] : [],
      color: COLORS[i % COLORS.length],
      created: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
      modified: new Date(Date.UTC(2024, 6, 1) + i * 60_000).toISOString(),
    }),
  );
}

// About 3 s alone, but several times that in a full run where other files compete for the
// CPU: the default 5 s limit failed it for being slow, not for being wrong.
const SCALE_TIMEOUT = 30_000;

describe('parseImport at scale', () => {
  it(`reads ${COUNT.toLocaleString('en')} annotations back exactly`, { timeout: SCALE_TIMEOUT }, () => {
    const records = generate();
    const text = JSON.stringify(toWebAnnotation(records, { now: NOW }));
    expect(text.length).toBeGreaterThan(20_000_000);

    const started = performance.now();
    const result = parseImport(text);
    console.info(
      `parsed ${(text.length / 1e6).toFixed(1)} MB, ${COUNT} annotations in ${Math.round(performance.now() - started)} ms`,
    );

    if (!result.ok) throw new Error(result.error);
    expect(result.skipped).toEqual([]);
    expect(result.annotations).toHaveLength(COUNT);
    expect(new Set(result.annotations.map((a) => a.id)).size).toBe(COUNT);
    // Deep equality for the whole list is slow to diff on failure, so compare in slices.
    for (let start = 0; start < COUNT; start += 5_000) {
      expect(result.annotations.slice(start, start + 5_000)).toStrictEqual(
        records.slice(start, start + 5_000),
      );
    }
  });
});
