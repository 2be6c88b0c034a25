/** The last anchoring outcome of each annotation, reported by the page that drew it. */
import type { AnchorState, GlossDatabase } from './database';

/** Replaces the states of one page's annotations; ids that are not on that page are ignored. */
export async function recordAnchorStates(
  db: GlossDatabase,
  pageKey: string,
  states: Record<string, AnchorState['kind']>,
  now = new Date(),
): Promise<void> {
  await db.transaction('rw', db.annotations, db.anchorStates, async () => {
    const onPage = new Set(await db.annotations.where('pageKey').equals(pageKey).primaryKeys());
    const checked = now.toISOString();
    const rows = Object.entries(states)
      .filter(([id]) => onPage.has(id))
      .map(([id, kind]) => ({ id, pageKey, kind, checked }));
    await db.anchorStates.where('pageKey').equals(pageKey).delete();
    await db.anchorStates.bulkPut(rows);
  });
}

export function listAnchorStates(db: GlossDatabase): Promise<AnchorState[]> {
  return db.anchorStates.toArray();
}
