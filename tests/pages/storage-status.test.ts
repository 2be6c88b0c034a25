import { describe, expect, it } from 'vitest';
import { askToKeep, formatBytes, readStorageStatus } from '@/lib/pages/storage-status';

const manager = (granted: boolean) => {
  let persisted = false;
  return {
    estimate: async () => ({ usage: 2_200_000, quota: 10_000_000 }),
    persisted: async () => persisted,
    persist: async () => {
      persisted = granted;
      return granted;
    },
  };
};

describe('storage status', () => {
  it('reads usage and whether the data is kept, and reports the browser’s answer in words', async () => {
    const yes = manager(true);
    expect(await readStorageStatus(yes)).toEqual({ usedBytes: 2_200_000, persisted: false });
    expect(await askToKeep(yes)).toMatch(/will keep/);
    expect((await readStorageStatus(yes)).persisted).toBe(true);
    expect(await askToKeep(manager(false))).toMatch(/did not agree/);
    expect(await askToKeep(undefined)).toMatch(/cannot be asked/);
    expect(formatBytes(2_200_000)).toBe('2.1 MB');
  });
});
