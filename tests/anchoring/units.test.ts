import { describe, expect, it } from 'vitest';
import { allowedUnitEdits } from '../../lib/anchoring/bracket';
import { selfEvident, unitDistance, units, wordUnits } from '../../lib/anchoring/units';

describe('units', () => {
  it('counts words where there are spaces and characters where there are none', () => {
    expect(units('Read the latest news & blogs')).toEqual({ chars: 23, words: 6, unspaced: false });
    expect(units('本市地铁运营里程在过去十年里增长了一倍多，跻身全国前五位。')).toMatchObject({
      chars: 29,
      unspaced: true,
    });
    expect(units('3月2日 12:15').unspaced).toBe(false);
    expect(wordUnits('日銀、政策 news')).toEqual(['日', '銀', '、', '政', '策', 'news']);
  });

  it('trusts a unique quote from five words or twelve Chinese or Japanese characters', () => {
    expect(selfEvident('transit authority')).toBe(false);
    expect(selfEvident('flooded the lower town')).toBe(false);
    expect(selfEvident('it is one of the')).toBe(false);
    expect(selfEvident('Not everyone was won over.')).toBe(true);
    expect(selfEvident('五号线延伸段')).toBe(false);
    expect(selfEvident('地铁五号线延伸段今')).toBe(false);
    expect(selfEvident('日銀、政策金利の据え置きを決定')).toBe(true);
  });

  it('lets a short passage lose a quarter of its units, rounded up, never half', () => {
    expect([1, 2, 3, 4, 5, 8, 9, 20].map(allowedUnitEdits)).toEqual([0, 0, 1, 1, 2, 2, 3, 5]);
    expect(
      unitDistance(
        wordUnits('Read the latest news & blogs'),
        wordUnits('Read the latest announcements & blogs'),
      ),
    ).toBe(1);
  });
});
