/**
 * The library page's side of the search service: the worker that runs it (or the service
 * itself on the main thread when no worker can start, as in unit tests), the latest
 * result for the reader's query, and the first screenful read straight from the database
 * so that the newest annotations show at once, whatever the size of the library.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { getDatabase } from '../db';
import type { Annotation } from '../types';
import { LibraryIndex } from './library-index';
import { EMPTY_QUERY, type Facet, type LibraryQuery, type LibraryResult } from './query';
import SearchWorker from './search-worker?worker';
import { type ServiceEvent, type ServiceRequest, startLibraryService, unpackResult } from './service';

/** Enough newest annotations to fill the first screen. */
const FIRST_SCREEN = 40;

interface Connection {
  send(request: ServiceRequest): void;
  close(): void;
}

function connect(emit: (event: ServiceEvent) => void): Connection {
  if (typeof Worker !== 'undefined') {
    try {
      const worker = new SearchWorker();
      worker.onmessage = (event: MessageEvent<ServiceEvent>) => emit(event.data);
      return { send: (request) => worker.postMessage(request), close: () => worker.terminate() };
    } catch {
      // falls through to the main thread
    }
  }
  const service = startLibraryService(getDatabase(), emit);
  return { send: (request) => service.request(request), close: () => service.stop() };
}

/**
 * The newest annotations and every other annotation of their pages: the exact first groups
 * of the default view (pages ordered by their newest annotation), read through two indexes.
 */
export async function firstScreen(limit = FIRST_SCREEN): Promise<LibraryResult> {
  const db = getDatabase();
  const newest = await db.annotations.orderBy('created').reverse().limit(limit).toArray();
  const keys = [...new Set(newest.map((a) => a.pageKey))];
  const samePages: Annotation[] = keys.length
    ? await db.annotations.where('pageKey').anyOf(keys).toArray()
    : [];
  const index = new LibraryIndex();
  index.upsert(samePages, false);
  const result = index.query(EMPTY_QUERY, -1);
  return { ...result, indexed: 0 };
}

export interface LibraryState {
  result?: LibraryResult;
  /** True until the service answered the current query (the first screen shows meanwhile). */
  pending: boolean;
  tags: Facet[];
  error?: string;
}

/** Follows `query`; `onChanged` hears the ids of records changed anywhere. */
export function useLibrary(query: LibraryQuery, onChanged: (ids: string[]) => void): LibraryState {
  const [state, setState] = useState<LibraryState>({ pending: true, tags: [] });
  const connection = useRef<Connection | undefined>(undefined);
  const seq = useRef(0);
  const latest = useRef(query);
  const changed = useRef(onChanged);
  changed.current = onChanged;

  useEffect(() => {
    let answered = false;
    let closed = false;
    const receive = (event: ServiceEvent) => {
      const result = unpackResult(event);
      if (result) {
        // An answer to an older query (the reader kept typing) is replaced by the next one.
        if (result.seq !== seq.current) return;
        answered = true;
        setState((s) => ({ ...s, result, pending: false, error: undefined }));
      } else if (event.type === 'tags') setState((s) => ({ ...s, tags: event.tags }));
      else if (event.type === 'changed') changed.current(event.ids);
      else if (event.type === 'error') setState((s) => ({ ...s, error: event.message }));
    };
    // The worker starts once the first screen is read: its read of the whole library would
    // otherwise queue ahead of those few records in IndexedDB and hold up the first paint.
    void firstScreen()
      .then((result) => {
        if (!answered) setState((s) => (s.result ? s : { ...s, result }));
      })
      .catch(() => undefined)
      .then(() => {
        if (closed) return;
        connection.current = connect(receive);
        connection.current.send({ type: 'query', query: latest.current, seq: seq.current });
      });
    return () => {
      closed = true;
      connection.current?.close();
    };
  }, []);

  useEffect(() => {
    seq.current += 1;
    latest.current = query;
    setState((s) => ({ ...s, pending: true }));
    connection.current?.send({ type: 'query', query, seq: seq.current });
  }, [query]);

  return state;
}
