/**
 * A Preact hook over Dexie's liveQuery (dexie-react-hooks would drag in React). Re-runs
 * whenever the tables it read change, in this context or another (background, side panel).
 */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

export function useLiveQuery<T>(query: () => Promise<T> | T, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({ next: setValue, error: (e) => console.error(e) });
    return () => subscription.unsubscribe();
    // Callers pass the query's inputs as deps, as with useEffect.
  }, deps);
  return value;
}
