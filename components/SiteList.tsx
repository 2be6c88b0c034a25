/** The sites where Gloss is off (settings page): each with its way back on, and a field to add one. */
import { useState } from 'preact/hooks';
import { siteOf } from '@/lib/settings/sites';

interface Props {
  sites: string[];
  onRemove: (site: string) => void;
  onAdd: (site: string) => void;
}

/** The host a reader typed ("example.com", "https://example.com/page"), or '' when it is none. */
export function typedSite(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return '';
  return siteOf(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
}

export function SiteList({ sites, onRemove, onAdd }: Props) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const add = (event: Event) => {
    event.preventDefault();
    const site = typedSite(text);
    if (!site) {
      setError('Type a site’s address, such as example.com.');
      return;
    }
    setError(undefined);
    setText('');
    onAdd(site);
  };
  return (
    <section class="settings-section" aria-labelledby="sites-heading">
      <h2 id="sites-heading">Sites where Gloss is off</h2>
      <p class="hint">
        On these sites Gloss shows no highlights, no toolbar and answers no keys. The popup turns it off and
        on for the site you are on.
      </p>
      {sites.length === 0 ? (
        <p class="empty-note">None: Gloss is on everywhere.</p>
      ) : (
        <ul class="site-list" aria-label="Sites where Gloss is off">
          {sites.map((site) => (
            <li key={site}>
              <span class="site-name">{site}</span>
              <button
                type="button"
                onClick={() => onRemove(site)}
                aria-label={`Turn Gloss back on for ${site}`}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="setting-row" onSubmit={add}>
        <label for="add-site">Turn Gloss off on</label>
        <input
          id="add-site"
          class="site-field"
          value={text}
          placeholder="example.com"
          aria-describedby={error ? 'add-site-error' : undefined}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <button type="submit">Add</button>
      </form>
      {error && (
        <p id="add-site-error" class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
