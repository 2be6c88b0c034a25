/**
 * The full records of the rows on screen, read by id and kept in a cache: scrolling back
 * reads nothing again, and a change anywhere drops only the records it touched.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { getDatabase } from '../db';
import type { Annotation } from '../types';

/** Records kept for scrolling back; far more than a screen, far fewer than a library. */
const CACHE_LIMIT = 2000;

export function useRecords(visible: readonly string[]): {
  get(id: string): Annotation | undefined;
  /** Forget these ids (changed elsewhere) and re-read those on screen. */
  invalidate(ids: readonly string[]): void;
  /** Full records of any ids, read in chunks (for export). */
  readMany(ids: readonly string[]): Promise<Annotation[]>;
} {
  const cache = useRef(new Map<string, Annotation | null>());
  const [version, setVersion] = useState(0);
  const key = visible.join('\n');

  useEffect(() => {
    const missing = visible.filter((id) => !cache.current.has(id));
    if (missing.length === 0) return;
    let live = true;
    void getDatabase()
      .annotations.bulkGet(missing)
      .then((records) => {
        if (!live) return;
        records.forEach((record, i) => {
          cache.current.set(missing[i] as string, record ?? null);
        });
        while (cache.current.size > CACHE_LIMIT) {
          const oldest = cache.current.keys().next().value;
          if (oldest === undefined) break;
          cache.current.delete(oldest);
        }
        setVersion((v) => v + 1);
      });
    return () => {
      live = false;
    };
  }, [key, version]);

  const invalidate = useCallback((ids: readonly string[]) => {
    let any = false;
    for (const id of ids) any = cache.current.delete(id) || any;
    if (any) setVersion((v) => v + 1);
  }, []);

  const readMany = useCallback(async (ids: readonly string[]) => {
    const out: Annotation[] = [];
    for (let start = 0; start < ids.length; start += 2000) {
      const records = await getDatabase().annotations.bulkGet(ids.slice(start, start + 2000));
      for (const record of records) if (record) out.push(record);
    }
    return out;
  }, []);

  return { get: (id) => cache.current.get(id) ?? undefined, invalidate, readMany };
}
