import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countPage, GlossDatabase, listAll, listPage } from '@/lib/db';
import { makeAnnotation } from '../export/fixtures';

let db: GlossDatabase;
let counter = 0;

beforeEach(async () => {
  db = new GlossDatabase(`gloss-annotations-test-${counter++}`);
  await db.open();
});
afterEach(() => db.delete());

describe('listAll', () => {
  it('lists newest first, in the order of the created index read backwards (ties included)', async () => {
    const dates = ['2025-03-01T10:00:00.000Z', '2024-01-01T00:00:00.000Z', '2026-07-15T08:30:00.000Z'];
    // Several records share each date, and ids are written in no particular order.
    const records = [7, 2, 9, 4, 1, 8, 3, 6, 5].map((n, i) =>
      makeAnnotation(n, { created: dates[i % dates.length] as string }),
    );
    await db.annotations.bulkAdd(records);
    const byIndex = await db.annotations.orderBy('created').reverse().toArray();
    const listed = await listAll(db);
    expect(listed.map((a) => a.id)).toEqual(byIndex.map((a) => a.id));
    expect(listed.map((a) => a.created)).toEqual([...records.map((a) => a.created)].sort().reverse());
  });

  it('lists an empty database as empty', async () => {
    expect(await listAll(db)).toEqual([]);
  });
});

describe('listPage and countPage', () => {
  it('see only the records of the page asked about', async () => {
    await db.annotations.bulkAdd([
      makeAnnotation(1, { url: 'https://a.org/x' }),
      makeAnnotation(2, { url: 'https://a.org/x#part' }),
      makeAnnotation(3, { url: 'https://b.org/y' }),
    ]);
    expect((await listPage(db, 'https://a.org/x')).map((a) => a.id).sort()).toHaveLength(2);
    expect(await countPage(db, 'https://a.org/x')).toBe(2);
    expect(await countPage(db, 'https://c.org/')).toBe(0);
  });
});
