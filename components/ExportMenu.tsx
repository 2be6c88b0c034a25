/**
 * The export controls: one button per format (named "Export Markdown", "Export JSON"…), the
 * Markdown front matter toggle and, in the library, a choice of which annotations to export.
 * It only reports the choice; the host builds and downloads the file.
 */
import { useId, useState } from 'preact/hooks';
import type { ExportFormat } from '@/lib/export';

export interface ExportScopeOption<S extends string> {
  value: S;
  label: string;
  count: number;
}

export interface ExportChoice {
  frontMatter: boolean;
}

interface Props<S extends string> {
  legend: string;
  /** How many annotations an export would hold now; the buttons are disabled at zero. */
  count: number;
  scopes?: readonly ExportScopeOption<S>[];
  scope?: S;
  onScope?: (scope: S) => void;
  onExport: (format: ExportFormat, choice: ExportChoice) => void;
}

const FORMATS: readonly { format: ExportFormat; label: string; title: string }[] = [
  { format: 'md', label: 'Markdown', title: 'Markdown, for notes apps such as Obsidian' },
  { format: 'json', label: 'JSON', title: 'W3C Web Annotation JSON-LD, which Gloss can import again' },
  { format: 'csv', label: 'CSV', title: 'A spreadsheet with one row per highlight' },
  { format: 'html', label: 'HTML', title: 'A page to read, print or share' },
];

const plural = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'annotation' : 'annotations'}`;

export function ExportMenu<S extends string>({ legend, count, scopes, scope, onScope, onExport }: Props<S>) {
  const [frontMatter, setFrontMatter] = useState(false);
  const name = useId();
  return (
    <fieldset class="export-menu">
      <legend>{legend}</legend>
      {scopes && (
        <div class="export-scopes" role="radiogroup" aria-label="Annotations to export">
          {scopes.map((option) => (
            <label key={option.value}>
              <input
                type="radio"
                name={name}
                value={option.value}
                checked={option.value === scope}
                onChange={() => onScope?.(option.value)}
              />
              {option.label} ({option.count.toLocaleString('en-US')})
            </label>
          ))}
        </div>
      )}
      <div class="export-buttons">
        {FORMATS.map(({ format, label, title }) => (
          <button
            key={format}
            type="button"
            title={title}
            disabled={count === 0}
            onClick={() => onExport(format, { frontMatter })}
          >
            <span class="sr-only">Export </span>
            {label}
          </button>
        ))}
        <span class="count">{count === 0 ? 'Nothing to export' : plural(count)}</span>
      </div>
      <label class="export-option">
        <input
          type="checkbox"
          checked={frontMatter}
          onChange={(e) => setFrontMatter(e.currentTarget.checked)}
        />
        Markdown with YAML front matter
      </label>
    </fieldset>
  );
}
