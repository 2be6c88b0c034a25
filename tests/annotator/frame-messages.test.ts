import { describe, expect, it } from 'vitest';
import { parseFrameMessage } from '@/lib/annotator/frame-messages';

describe('parseFrameMessage', () => {
  it('accepts the three frame requests', () => {
    expect(parseFrameMessage({ gloss: 'frame', action: 'close' })).toEqual({
      gloss: 'frame',
      action: 'close',
    });
    expect(parseFrameMessage({ gloss: 'frame', action: 'resize', height: 120 })?.action).toBe('resize');
  });
  it('rejects anything else', () => {
    expect(parseFrameMessage({ gloss: 'frame', action: 'resize', height: 1e9 })).toBeNull();
    expect(parseFrameMessage({ type: 'createAnnotation' })).toBeNull();
    expect(parseFrameMessage('close')).toBeNull();
  });
});
