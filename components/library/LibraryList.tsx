/**
 * The result list, virtualised: rows are page (or colour) headings followed by their
 * annotations, and only those near the viewport are in the DOM, so 100,000 results cost
 * what a screenful costs. Records are read by id for the rows drawn (useRecords).
 */
import { useContext, useRef } from 'preact/hooks';
import type { ResultGroup } from '@/lib/library/query';
import { formatCount } from '@/lib/pages/import-report';
import { ColorLabelsContext, colorName } from '@/lib/settings/labels';
import type { Annotation, HighlightColor } from '@/lib/types';
import { useVirtualizer } from '../useVirtualizer';

export type Row =
  | { kind: 'group'; group: ResultGroup }
  | { kind: 'item'; id: string; index: number; group: ResultGroup };

/** Row `row` of the flattened list: group g's heading sits at `g + groups[g].start`. */
export function rowAt(groups: readonly ResultGroup[], ids: readonly string[], row: number): Row | undefined {
  let low = 0;
  let high = groups.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const group = groups[mid] as ResultGroup;
    const head = mid + group.start;
    if (row < head) high = mid - 1;
    else if (row > head + group.count) low = mid + 1;
    else {
      if (row === head) return { kind: 'group', group };
      const index = group.start + (row - head - 1);
      return { kind: 'item', id: ids[index] as string, index, group };
    }
  }
  return undefined;
}

const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });

function GroupHeading({ group }: { group: ResultGroup }) {
  const labels = useContext(ColorLabelsContext);
  if (!group.url)
    return (
      <h2 class="group-title">
        {colorName(group.key as HighlightColor, labels)}{' '}
        <span class="muted">({formatCount(group.count)})</span>
      </h2>
    );
  return (
    <div class="group-head">
      <h2 class="group-title">
        <a href={group.url} target="_blank" rel="noopener noreferrer">
          {group.title}
        </a>
      </h2>
      <p class="muted">
        {group.site} · {day(group.newest)} · {formatCount(group.count)}{' '}
        {group.count === 1 ? 'annotation' : 'annotations'}
      </p>
    </div>
  );
}

export function LibraryList({
  ids,
  groups,
  record,
  renderItem,
  onVisible,
}: {
  ids: readonly string[];
  groups: readonly ResultGroup[];
  record: (id: string) => Annotation | undefined;
  renderItem: (annotation: Annotation, index: number) => preact.ComponentChildren;
  /** The ids drawn now, for reading their records. */
  onVisible: (ids: string[]) => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const count = ids.length + groups.length;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    // One guess for every row: asking each of 100,000 rows what it is would cost a long task
    // per result; rows are measured once drawn anyway.
    estimateSize: () => 130,
    getItemKey: (row) => {
      const r = rowAt(groups, ids, row);
      return r?.kind === 'group' ? `g:${r.group.key}` : (r?.id ?? row);
    },
    overscan: 6,
  });
  const items = virtualizer.getVirtualItems();
  const rows = items.map((item) => ({ item, row: rowAt(groups, ids, item.index) }));
  const visibleIds = rows.flatMap(({ row }) => (row?.kind === 'item' ? [row.id] : []));
  const shown = visibleIds.join('\n');
  const last = useRef('');
  if (shown !== last.current) {
    last.current = shown;
    queueMicrotask(() => onVisible(visibleIds));
  }

  return (
    <div class="results" ref={scroller} tabIndex={-1}>
      <div class="results-inner" style={{ height: `${virtualizer.getTotalSize()}px` }}>
        <div class="results-window" style={{ transform: `translateY(${items[0]?.start ?? 0}px)` }}>
          {rows.map(({ item, row }) => (
            <div
              key={item.key}
              data-index={item.index}
              data-group={row?.group.key}
              ref={virtualizer.measureElement}
              class="row"
            >
              {row?.kind === 'group' ? (
                <GroupHeading group={row.group} />
              ) : row ? (
                (() => {
                  const annotation = record(row.id);
                  return annotation ? (
                    renderItem(annotation, row.index)
                  ) : (
                    <div class="item placeholder" aria-busy="true" />
                  );
                })()
              ) : null}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
