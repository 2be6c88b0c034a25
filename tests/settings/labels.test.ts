import { describe, expect, it } from 'vitest';
import { cleanLabels, colorName, LABEL_MAX_LENGTH } from '@/lib/settings/labels';

describe('colour labels', () => {
  it('keeps known colours with a label, trimmed, spaces folded and cut to length', () => {
    expect(
      cleanLabels({
        yellow: '  key   idea ',
        green: '',
        blue: '   ',
        pink: 3,
        teal: 'unknown colour',
        purple: 'x'.repeat(100),
      }),
    ).toEqual({ yellow: 'key idea', purple: 'x'.repeat(LABEL_MAX_LENGTH) });
    expect(cleanLabels(null)).toEqual({});
    expect(cleanLabels('yellow')).toEqual({});
  });

  it('names the colour first and the label beside it, never the label alone', () => {
    expect(colorName('yellow', { yellow: 'key idea' })).toBe('Yellow (key idea)');
    expect(colorName('green', { yellow: 'key idea' })).toBe('Green');
  });
});
