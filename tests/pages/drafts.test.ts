import { describe, expect, it } from 'vitest';
import { createDraftStore } from '@/lib/pages/drafts';

function memoryArea() {
  const data: Record<string, unknown> = {};
  return {
    data,
    get: async (key: string) => (key in data ? { [key]: data[key] } : {}),
    set: async (items: Record<string, unknown>) => void Object.assign(data, items),
    remove: async (key: string) => void delete data[key],
  };
}

describe('draft store', () => {
  it('keeps the last text typed until it is cleared, in order', async () => {
    const area = memoryArea();
    const drafts = createDraftStore(area);
    drafts.save('a', { note: 'Fir', tags: '', baseNote: '' });
    drafts.save('a', { note: 'First thought', tags: 'idea', baseNote: '' });
    expect(await drafts.load('a')).toEqual({ note: 'First thought', tags: 'idea', baseNote: '' });
    // A second store over the same storage (a reopened card) sees it too.
    expect(await createDraftStore(area).load('a')).toEqual({
      note: 'First thought',
      tags: 'idea',
      baseNote: '',
    });
    drafts.save('a', { note: 'First thought, again', tags: '', baseNote: '' });
    drafts.clear('a');
    expect(await drafts.load('a')).toBeUndefined();
  });

  it('ignores what is not a draft', async () => {
    const area = memoryArea();
    area.data['draft:x'] = { note: 3 };
    expect(await createDraftStore(area).load('x')).toBeUndefined();
  });
});
