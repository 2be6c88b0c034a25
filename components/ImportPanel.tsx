/**
 * The import control of the library: a file picker labelled "Import", the progress of a
 * running import, and its outcome (a report, or an alert when nothing was imported). The
 * host runs the import and passes its state in.
 */
import { useId } from 'preact/hooks';
import type { ImportState } from '@/lib/pages/import-file';

interface Props {
  state: ImportState;
  onFiles: (files: File[]) => void;
}

const ACCEPT = '.json,.jsonld,application/json,application/ld+json';

/** Not a live region: fifty "Importing…" updates read aloud would drown the outcome. */
function Progress({ state }: { state: ImportState }) {
  if (state.kind === 'reading') {
    return (
      <div class="import-progress">
        <progress aria-label="Reading the file" />
        <span>Reading {state.fileName}…</span>
      </div>
    );
  }
  if (state.kind === 'writing') {
    return (
      <div class="import-progress">
        <progress max={state.total} value={state.done} aria-label="Progress" />
        <span>{state.text}</span>
      </div>
    );
  }
  return null;
}

function Outcome({ state }: { state: ImportState }) {
  if (state.kind === 'failed') {
    return (
      <p class="error" role="alert">
        {state.message}
      </p>
    );
  }
  if (state.kind !== 'done') return null;
  return (
    <div class="import-report" role="status">
      <p>{state.summary}</p>
      {state.skipped.length > 0 && (
        <details>
          <summary>Skipped entries</summary>
          <ul>
            {state.skipped.slice(0, 200).map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
            {state.skipped.length > 200 && <li>…and {state.skipped.length - 200} more.</li>}
          </ul>
        </details>
      )}
    </div>
  );
}

export function ImportPanel({ state, onFiles }: Props) {
  const id = useId();
  const busy = state.kind === 'reading' || state.kind === 'writing';
  return (
    <div class="import-panel">
      <div class="toolbar-row">
        <input
          id={id}
          type="file"
          class="sr-only"
          accept={ACCEPT}
          disabled={busy}
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            const input = e.currentTarget;
            const files = [...(input.files ?? [])];
            // Cleared so that choosing the same file again imports it again.
            input.value = '';
            if (files.length > 0) onFiles(files);
          }}
        />
        {/* After the input, so CSS can show the input's keyboard focus on it. */}
        <label for={id} class={`file-button${busy ? ' is-disabled' : ''}`}>
          Import
        </label>
        <span class="count" id={`${id}-hint`}>
          Gloss JSON, W3C Web Annotations or Hypothesis JSON. You can also drop a file on this page.
        </span>
      </div>
      <Progress state={state} />
      <Outcome state={state} />
    </div>
  );
}
