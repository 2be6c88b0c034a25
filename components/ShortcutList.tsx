/** The keyboard shortcuts (settings page): the browser's commands, the in-page keys, and where to change them. */
import { PAGE_KEYS, type Shortcut } from '@/lib/pages/shortcuts';

interface Props {
  commands: Shortcut[] | undefined;
  place: string;
  onOpenSettings: () => void;
  /** Why the browser's settings could not be opened, if they could not. */
  openError?: string;
}

function Rows({ shortcuts }: { shortcuts: Shortcut[] }) {
  return (
    <>
      {shortcuts.map((shortcut) => (
        <tr key={shortcut.description}>
          <td>{shortcut.description}</td>
          <td>{shortcut.keys ? <kbd>{shortcut.keys}</kbd> : <span class="muted">Not set</span>}</td>
        </tr>
      ))}
    </>
  );
}

export function ShortcutList({ commands, place, onOpenSettings, openError }: Props) {
  return (
    <section class="settings-section" aria-labelledby="keys-heading">
      <h2 id="keys-heading">Keyboard shortcuts</h2>
      <table class="shortcuts">
        <caption>Anywhere in the browser (with text selected on a page)</caption>
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Keys</th>
          </tr>
        </thead>
        <tbody>{commands && <Rows shortcuts={commands} />}</tbody>
      </table>
      <p class="hint">
        Your browser sets these keys. {place}{' '}
        <button type="button" onClick={onOpenSettings}>
          Change shortcuts
        </button>
      </p>
      {openError && (
        <p class="error" role="alert">
          {openError}
        </p>
      )}
      <table class="shortcuts">
        <caption>On a page (H and N act on selected text, outside text fields)</caption>
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Keys</th>
          </tr>
        </thead>
        <tbody>
          <Rows shortcuts={PAGE_KEYS} />
        </tbody>
      </table>
    </section>
  );
}
