import { describe, expect, it } from 'vitest';
import { importSummary, progressText, skipCause } from '@/lib/pages/import-report';

describe('import wording', () => {
  it('shows progress with grouped numbers', () => {
    expect(progressText(12_000, 50_000)).toBe('Importing 12,000 of 50,000…');
  });

  it('reports counts, and nothing about skipping when nothing was skipped', () => {
    expect(importSummary({ added: 2, updated: 0, unchanged: 1 }, [])).toBe(
      'Imported 2 new, 0 updated, 1 unchanged.',
    );
  });

  it('names each distinct reason for skipping', () => {
    const reason = (n: number, why: string) => ({
      reason: `Entry ${n} of 9 (id "x${n}") was skipped: ${why}.`,
    });
    expect(
      importSummary({ added: 1, updated: 2, unchanged: 3 }, [
        reason(1, 'it is a reply to another annotation'),
        reason(2, 'it is a reply to another annotation'),
        reason(3, 'it is a page note, with no highlighted passage'),
      ]),
    ).toBe(
      'Imported 1 new, 2 updated, 3 unchanged; 3 skipped (it is a reply to another annotation; it is a page note, with no highlighted passage).',
    );
    const many = ['a', 'b', 'c', 'd', 'e'].map((why, i) => reason(i, why));
    expect(importSummary({ added: 0, updated: 0, unchanged: 0 }, many)).toBe(
      'Imported 0 new, 0 updated, 0 unchanged; 5 skipped (a; b; c; and 2 other reasons).',
    );
  });

  it('keeps a reason it cannot take apart as it is', () => {
    expect(skipCause('Something odd.')).toBe('Something odd');
  });
});
