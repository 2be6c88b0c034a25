import { useMemo, useState } from 'preact/hooks';
import { AnnotationItem } from '@/components/AnnotationItem';
import { useLiveQuery } from '@/components/useLiveQuery';
import { getDatabase, listAll } from '@/lib/db';
import { annotationActions } from '@/lib/pages/actions';
import { passageUrl } from '@/lib/pages/passage-url';
import { groupByPage, matchesQuery } from '@/lib/pages/search';

export function App() {
  const all = useLiveQuery(() => listAll(getDatabase()), []);
  const [query, setQuery] = useState('');
  const [message, setMessage] = useState<string>();
  const filtered = useMemo(() => (all ?? []).filter((a) => matchesQuery(a, query)), [all, query]);
  const groups = useMemo(() => groupByPage(filtered), [filtered]);
  const run = (work: Promise<unknown>) =>
    work.then(() => setMessage(undefined)).catch((e: Error) => setMessage(e.message));

  return (
    <main class="library">
      <header class="toolbar-row">
        <h1 class="title">Gloss library</h1>
        <input
          type="search"
          class="search"
          aria-label="Search annotations"
          placeholder="Search quotes, notes, tags, pages"
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
        <span class="count" aria-live="polite">
          {all === undefined ? 'Loading…' : `${filtered.length} of ${all.length} annotations`}
        </span>
      </header>
      {message && (
        <p class="error" role="alert">
          {message}
        </p>
      )}
      {all && all.length === 0 && (
        <p class="empty-note">Nothing yet. Highlight a passage on any page and it appears here.</p>
      )}
      {groups.map((group) => (
        <section class="page-group" key={group.pageKey} aria-label={group.title}>
          <h2>{group.title}</h2>
          <a href={group.url} target="_blank" rel="noopener noreferrer">
            {group.url}
          </a>
          <ul class="list">
            {group.annotations.map((annotation) => (
              <AnnotationItem
                key={annotation.id}
                annotation={annotation}
                actions={{
                  onGo: () => void browser.tabs.create({ url: passageUrl(annotation) }),
                  goLabel: 'Open the page at this passage',
                  onSave: (note, tags) => annotationActions.save(annotation.id, note, tags),
                  onColor: (color) => void run(annotationActions.recolor(annotation.id, color)),
                  onDelete: () => void run(annotationActions.remove(annotation.id)),
                }}
              />
            ))}
          </ul>
        </section>
      ))}
    </main>
  );
}
