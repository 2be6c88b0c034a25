import { describe, expect, it } from 'vitest';
import { layoutMargin, MIN_WIDTH } from '@/lib/annotator/margin-layout';

describe('layoutMargin', () => {
  it('puts notes beside their blocks when there is room, stacked without overlap', () => {
    const { items, markers } = layoutMargin(
      [
        { id: 'b', top: 110, endRight: 500, endTop: 120, blockRight: 600 },
        { id: 'a', top: 100, endRight: 500, endTop: 105, blockRight: 600 },
      ],
      1200,
    );
    expect(markers).toEqual([]);
    expect(items.map((i) => i.id)).toEqual(['a', 'b']);
    expect((items[1]?.top ?? 0) - (items[0]?.top ?? 0)).toBeGreaterThanOrEqual(56);
    expect(items[0]?.left).toBe(616);
  });
  it('falls back to a marker at the end of the passage when the page is full width', () => {
    const { items, markers } = layoutMargin(
      [{ id: 'a', top: 100, endRight: 700, endTop: 130, blockRight: 1180 }],
      1200,
    );
    expect(items).toEqual([]);
    expect(markers).toEqual([{ id: 'a', top: 126, left: 702 }]);
    expect(1200 - 1180 - 32).toBeLessThan(MIN_WIDTH);
  });
});
