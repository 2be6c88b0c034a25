/**
 * What the side panel shows of the tab it follows: the page's annotations from the
 * database (live), and from the page itself how each was found and where it stands.
 *
 * The page is asked again whenever the annotations or their recorded anchoring outcomes
 * change (the page reports those after each drawing pass). Its answer is kept only when it
 * is about the same page: after a single-page navigation the tab's new address can reach
 * the panel before the page has caught up, and a page still drawing answers "pending";
 * both are asked again a little later.
 */
import { useEffect, useState } from 'preact/hooks';
import { getDatabase, listPage } from '@/lib/db';
import type { PageState } from '@/lib/messaging';
import { askTab, sendToTab } from '@/lib/pages/actions';
import type { FollowedTab } from '@/lib/pages/followed-tab';
import { inDocumentOrder } from '@/lib/pages/order';
import type { Annotation } from '@/lib/types';
import { useLiveQuery } from './useLiveQuery';

/** Time for the page to redraw after a change before it is asked. */
const SETTLE_MS = 150;
const RETRY_MS = 250;
const RETRIES = 20;

export interface PanelPage {
  /** Undefined while it is read. */
  annotations?: Annotation[];
  state?: PageState;
}

/** Whether the page's answer is final for `key`: about that page, with every passage placed. */
export function settledFor(state: PageState | undefined, key: string): boolean {
  if (!state) return true; // no annotator in that tab: nothing more will come
  return state.pageKey === key && !Object.values(state.statuses).some((s) => s.kind === 'pending');
}

export function usePanelPage(tab: FollowedTab | undefined): PanelPage {
  const key = tab?.key ?? '';
  const stored = useLiveQuery(async () => {
    if (!key) return { key, list: [] as Annotation[], checked: '' };
    const db = getDatabase();
    const [list, states] = await Promise.all([
      listPage(db, key),
      db.anchorStates.where('pageKey').equals(key).toArray(),
    ]);
    return { key, list, checked: states.map((s) => `${s.id}:${s.kind}:${s.checked}`).join() };
  }, [key]);
  const [state, setState] = useState<PageState>();

  useEffect(() => {
    const id = tab?.id;
    if (id === undefined || !key) {
      setState(undefined);
      return;
    }
    let alive = true;
    let tries = 0;
    let timer: ReturnType<typeof setTimeout>;
    const ask = () =>
      void askTab(id, (t) => sendToTab(t, { type: 'getPageState' })).then((answer) => {
        if (!alive) return;
        if (!settledFor(answer, key) && tries++ < RETRIES) {
          if (answer?.pageKey === key) setState(answer);
          timer = setTimeout(ask, RETRY_MS);
          return;
        }
        setState(answer?.pageKey === key ? answer : undefined);
      });
    timer = setTimeout(ask, SETTLE_MS);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [stored, tab?.id, key]);

  // Until the new page's answers come, nothing of the page before is shown as this one's.
  const current = state?.pageKey === key ? state : undefined;
  const annotations = stored?.key === key ? inDocumentOrder(stored.list, current?.order ?? []) : undefined;
  return { annotations, state: current };
}
