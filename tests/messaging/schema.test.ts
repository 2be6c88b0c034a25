import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { BackgroundRequestSchema, TabRequestSchema } from '@/lib/messaging';

const annotation = {
  id: 'a1',
  pageKey: 'https://a.org/',
  url: 'https://a.org/',
  title: 'A',
  target: {
    quote: { type: 'TextQuoteSelector', exact: 'word' },
    position: { type: 'TextPositionSelector', start: 1, end: 5 },
  },
  note: '',
  tags: [],
  color: 'yellow',
  created: '2026-11-29T10:00:00.000Z',
  modified: '2026-11-29T10:00:00.000Z',
};

describe('message schemas', () => {
  it('accept a well-formed create request', () => {
    expect(v.is(BackgroundRequestSchema, { type: 'createAnnotation', annotation })).toBe(true);
  });
  it('reject unknown types, bad colours, empty quotes and extra shapes', () => {
    expect(v.is(BackgroundRequestSchema, { type: 'dropDatabase' })).toBe(false);
    expect(
      v.is(BackgroundRequestSchema, {
        type: 'createAnnotation',
        annotation: { ...annotation, color: 'red' },
      }),
    ).toBe(false);
    const empty = { ...annotation, target: { quote: { type: 'TextQuoteSelector', exact: '' } } };
    expect(v.is(BackgroundRequestSchema, { type: 'createAnnotation', annotation: empty })).toBe(false);
    expect(
      v.is(BackgroundRequestSchema, { type: 'updateAnnotation', id: 'a1', changes: { color: 42 } }),
    ).toBe(false);
    expect(v.is(TabRequestSchema, { type: 'runAction', action: 'delete-everything' })).toBe(false);
    expect(v.is(TabRequestSchema, 'annotationsChanged')).toBe(false);
  });
});
