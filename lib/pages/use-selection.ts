/**
 * Which annotations the reader ticked in the library for export. Ids of annotations deleted
 * meanwhile may linger in the set; callers intersect it with what exists.
 */
import { useCallback, useState } from 'preact/hooks';

export interface Selection {
  ids: ReadonlySet<string>;
  toggle: (id: string, on: boolean) => void;
  setMany: (ids: readonly string[], on: boolean) => void;
}

export function useSelection(): Selection {
  const [ids, setIds] = useState<ReadonlySet<string>>(new Set());
  const setMany = useCallback((list: readonly string[], on: boolean) => {
    setIds((current) => {
      const next = new Set(current);
      for (const id of list) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }, []);
  const toggle = useCallback((id: string, on: boolean) => setMany([id], on), [setMany]);
  return { ids, toggle, setMany };
}
