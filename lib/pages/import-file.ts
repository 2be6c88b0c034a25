/**
 * Importing a file into the library, step by step: read it, parse it off the main thread,
 * write it in one transaction with progress, then tell the background so that open tabs
 * redraw. Each step reports an ImportState for the ImportPanel to show. A file that does not
 * parse, or a write that fails, leaves the database exactly as it was.
 */
import { type GlossDatabase, importAnnotations, isQuotaError } from '../db';
import type { ImportResult } from '../export';
import { importSummary, progressText } from './import-report';

export type ImportState =
  | { kind: 'idle' }
  | { kind: 'reading'; fileName: string }
  | { kind: 'writing'; fileName: string; done: number; total: number; text: string }
  | { kind: 'done'; summary: string; skipped: string[] }
  | { kind: 'failed'; message: string };

export interface ImportDeps {
  db: GlossDatabase;
  parse: (text: string) => Promise<ImportResult>;
  /** Announces the changed pages; a failure here does not undo the import. */
  notify: (pageKeys: string[]) => Promise<unknown>;
  onState: (state: ImportState) => void;
}

/** Larger than any real export (50,000 annotations come to about 35 MB) and safe to read at once. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

export const isBusy = (state: ImportState): boolean => state.kind === 'reading' || state.kind === 'writing';

function writeFailure(error: unknown): string {
  if (isQuotaError(error)) {
    return 'Your disk is full, so Gloss could not import this file. Nothing was imported; free some space and try again.';
  }
  const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
  return `Gloss could not save the imported annotations${detail}. Nothing was imported.`;
}

export async function importFile(
  file: Pick<File, 'name' | 'size' | 'text'>,
  deps: ImportDeps,
): Promise<ImportState> {
  const finish = (state: ImportState) => {
    deps.onState(state);
    return state;
  };
  if (file.size > MAX_FILE_BYTES) {
    return finish({ kind: 'failed', message: `${file.name} is too large to import (over 512 MB).` });
  }
  deps.onState({ kind: 'reading', fileName: file.name });
  let parsed: ImportResult;
  try {
    parsed = await deps.parse(await file.text());
  } catch (error) {
    const detail = error instanceof Error ? ` (${error.message})` : '';
    return finish({ kind: 'failed', message: `Gloss could not read ${file.name}${detail}.` });
  }
  if (!parsed.ok) return finish({ kind: 'failed', message: parsed.error });

  const { annotations, skipped } = parsed;
  let counts: Awaited<ReturnType<typeof importAnnotations>>;
  try {
    counts = await importAnnotations(deps.db, annotations, (done, total) =>
      deps.onState({ kind: 'writing', fileName: file.name, done, total, text: progressText(done, total) }),
    );
  } catch (error) {
    return finish({ kind: 'failed', message: writeFailure(error) });
  }
  if (counts.pageKeys.length > 0) await deps.notify(counts.pageKeys).catch(() => undefined);
  return finish({
    kind: 'done',
    summary: importSummary(counts, skipped),
    skipped: skipped.map((s) => s.reason),
  });
}
