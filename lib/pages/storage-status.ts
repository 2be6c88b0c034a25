/**
 * How safe the reader's data is from the browser itself: how much Gloss stores, and whether
 * the browser agreed to keep it under storage pressure (`navigator.storage.persist()`).
 * Browsers may evict "best effort" storage when the disk fills; persisted storage they keep.
 */
import { useEffect, useState } from 'preact/hooks';

export interface StorageStatus {
  usedBytes?: number;
  persisted?: boolean;
  /** Set after the reader asked: the browser's answer in words. */
  answer?: string;
}

type StorageManagerLike = Pick<StorageManager, 'estimate' | 'persisted' | 'persist'>;

export async function readStorageStatus(manager: StorageManagerLike | undefined): Promise<StorageStatus> {
  if (!manager) return {};
  const [estimate, persisted] = await Promise.all([
    manager.estimate().catch(() => undefined),
    manager.persisted().catch(() => undefined),
  ]);
  return { usedBytes: estimate?.usage, persisted };
}

export async function askToKeep(manager: StorageManagerLike | undefined): Promise<string> {
  if (!manager) return 'This browser cannot be asked to keep data.';
  const granted = await manager.persist().catch(() => false);
  return granted
    ? 'Your browser will keep Gloss’s data even when space runs low.'
    : 'Your browser did not agree to keep Gloss’s data for sure; export your annotations now and then.';
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function useStorageStatus(manager: StorageManagerLike | undefined = globalThis.navigator?.storage) {
  const [status, setStatus] = useState<StorageStatus>({});
  useEffect(() => {
    void readStorageStatus(manager).then(setStatus);
  }, [manager]);
  const ask = async () => {
    const answer = await askToKeep(manager);
    setStatus({ ...(await readStorageStatus(manager)), answer });
  };
  return { status, ask };
}
