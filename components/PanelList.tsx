/**
 * The side panel's annotations: those found on the page in document order, then the ones
 * whose text changed and the ones not found, each group under its heading. Worked by
 * keyboard alone: one item at a time is in the tab order (a roving tabindex), `j`/`k` or the
 * arrows move between items, and on an item Enter jumps to its passage, `e` edits it and
 * Delete or Backspace deletes it (lib/pages/list-keys.ts).
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { isTypingTarget, keepCurrent, listKeyAction } from '@/lib/pages/list-keys';
import type { AnchorStatus, Annotation } from '@/lib/types';
import { AnnotationItem, type ItemActions } from './AnnotationItem';

export interface PanelSection {
  kind: 'found' | 'changed' | 'orphan';
  items: Annotation[];
}

/** The page's annotations (already in document order) in the panel's three groups. */
export function panelSections(
  annotations: readonly Annotation[],
  statuses: Readonly<Record<string, AnchorStatus>>,
): PanelSection[] {
  const sections: Record<PanelSection['kind'], Annotation[]> = { found: [], changed: [], orphan: [] };
  for (const annotation of annotations) {
    const kind = statuses[annotation.id]?.kind;
    sections[kind === 'fuzzy' ? 'changed' : kind === 'orphan' ? 'orphan' : 'found'].push(annotation);
  }
  return (['found', 'changed', 'orphan'] as const).map((kind) => ({ kind, items: sections[kind] }));
}

const HEADINGS: Record<Exclude<PanelSection['kind'], 'found'>, { title: string; help: string }> = {
  changed: {
    title: 'Text changed',
    help: 'Found where they were, with different words. Accept the new text, or select the passage and re-attach.',
  },
  orphan: {
    title: 'Not found on page',
    help: 'Not on the page as it is now. Select the passage in the page and re-attach, or delete.',
  },
};

interface Props {
  annotations: readonly Annotation[];
  statuses: Readonly<Record<string, AnchorStatus>>;
  actionsFor: (annotation: Annotation, status: AnchorStatus | undefined) => ItemActions;
  /** The id of the element that explains the keys. */
  describedBy?: string;
}

const itemSelector = (id: string) => `li[data-annotation-id="${CSS.escape(id)}"]`;

export function PanelList({ annotations, statuses, actionsFor, describedBy }: Props) {
  const root = useRef<HTMLDivElement>(null);
  const sections = panelSections(annotations, statuses);
  const ids = sections.flatMap((section) => section.items.map((a) => a.id));
  const [chosen, setChosen] = useState<string>();
  const [editing, setEditing] = useState<string>();
  const lastIndex = useRef(0);
  const current = keepCurrent(ids, chosen, lastIndex.current);
  const index = current === undefined ? -1 : ids.indexOf(current);

  const element = (id: string | undefined) =>
    id === undefined ? null : (root.current?.querySelector<HTMLElement>(itemSelector(id)) ?? null);
  const focusItem = (id: string | undefined) => {
    const target = element(id);
    if (!target) return;
    setChosen(id);
    target.focus();
  };
  const focusLost = () => {
    const active = document.activeElement;
    return !active || active === document.body || !active.isConnected;
  };

  // The current item went away (deleted here or elsewhere): the one now at its place takes
  // over, and takes the focus when the deleted item had it.
  const previousCurrent = useRef<string | undefined>(undefined);
  useLayoutEffect(() => {
    if (index >= 0) lastIndex.current = index;
    const before = previousCurrent.current;
    previousCurrent.current = current;
    if (before !== undefined && before !== current && !ids.includes(before) && focusLost())
      focusItem(current);
  });

  // An editor that closed gives the focus back to its item.
  const previousEditing = useRef<string | undefined>(undefined);
  useLayoutEffect(() => {
    const before = previousEditing.current;
    previousEditing.current = editing;
    if (before !== undefined && editing === undefined) {
      const item = element(before);
      if (item && (focusLost() || item.contains(document.activeElement))) focusItem(before);
    }
  }, [editing]);

  const latest = useRef({ ids, index, annotations, statuses, actionsFor });
  latest.current = { ids, index, annotations, statuses, actionsFor };
  // Bound as the list is first drawn, not after the next paint: a key pressed as soon as the
  // items show must not be lost.
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const container = root.current;
      const target = event.target;
      if (!container || !(target instanceof Node)) return;
      // Keys typed anywhere in the panel but the list's own controls (export choices) are not the list's.
      const outside = !container.contains(target);
      if (outside && target !== document.body && target !== document.documentElement) return;
      const { ids: shown, index: at, annotations: all, statuses: found, actionsFor: act } = latest.current;
      const item = target instanceof Element ? target.closest<HTMLElement>('li[data-annotation-id]') : null;
      const itemId = item?.dataset.annotationId;
      const here = itemId !== undefined && shown.includes(itemId) ? shown.indexOf(itemId) : at;
      const action = listKeyAction(
        {
          key: event.key,
          isTrusted: event.isTrusted,
          defaultPrevented: event.defaultPrevented,
          ctrlKey: event.ctrlKey,
          metaKey: event.metaKey,
          altKey: event.altKey,
          inField: isTypingTarget(target),
          onItem: item !== null && item === target,
        },
        outside ? -1 : here,
        shown.length,
      );
      if (!action) return;
      // Taken here, so that `e` is not typed into the editor it opens, nor an arrow scrolls.
      event.preventDefault();
      if (action.kind === 'move') {
        focusItem(shown[action.to]);
        return;
      }
      const annotation = all.find((a) => a.id === shown[here]);
      if (!annotation) return;
      const actions = act(annotation, found[annotation.id]);
      if (action.kind === 'go') actions.onGo?.();
      else if (action.kind === 'edit' && actions.onSave) setEditing(annotation.id);
      else if (action.kind === 'delete') actions.onDelete?.();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div
      class="panel-list"
      ref={root}
      onFocusIn={(event) => {
        const item = (event.target as Element | null)?.closest<HTMLElement>('li[data-annotation-id]');
        const id = item?.dataset.annotationId;
        if (id !== undefined && id !== chosen) setChosen(id);
      }}
    >
      {sections.map((section) => {
        if (section.items.length === 0) return null;
        const heading = section.kind === 'found' ? undefined : HEADINGS[section.kind];
        const headingId = `panel-section-${section.kind}`;
        return (
          <section key={section.kind} class={`panel-section panel-section-${section.kind}`}>
            {heading && (
              <>
                <h2 id={headingId} class="panel-section-title">
                  {heading.title} ({section.items.length})
                </h2>
                <p class="panel-section-help">{heading.help}</p>
              </>
            )}
            <ul
              class="list"
              aria-label={heading ? undefined : 'Annotations in page order'}
              aria-labelledby={heading ? headingId : undefined}
              aria-describedby={describedBy}
            >
              {section.items.map((annotation) => {
                const id = annotation.id;
                return (
                  <AnnotationItem
                    key={id}
                    annotation={annotation}
                    status={statuses[id]}
                    actions={actionsFor(annotation, statuses[id])}
                    keyboard={{
                      tabIndex: id === current ? 0 : -1,
                      editing: editing === id,
                      onEditingChange: (open) =>
                        setEditing((was) => (open ? id : was === id ? undefined : was)),
                    }}
                  />
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
