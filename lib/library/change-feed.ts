/**
 * Which annotations changed, from Dexie's `storagemutated` event. Dexie fires it after
 * every committed write in any context of the origin (background, pages, workers), naming
 * the primary keys a write touched as a tree of key ranges. Single records arrive as
 * one-key ranges; a wider range (a clear, a range delete) is passed on as a range to re-read.
 */
import { Dexie, type IntervalTree, type IntervalTreeNode, type ObservabilitySet } from 'dexie';

export interface ChangedKeys {
  ids: string[];
  ranges: { from: unknown; to: unknown }[];
}

function walk(tree: IntervalTree, into: ChangedKeys): void {
  const stack: IntervalTreeNode[] = [];
  if ('from' in tree) stack.push(tree);
  while (stack.length > 0) {
    const node = stack.pop() as IntervalTreeNode;
    if (node.from === node.to && typeof node.from === 'string') into.ids.push(node.from);
    else into.ranges.push({ from: node.from, to: node.to });
    if (node.l) stack.push(node.l);
    if (node.r) stack.push(node.r);
  }
}

/** The changed keys of one table, or undefined when the event does not concern it. */
export function changedKeys(
  parts: ObservabilitySet,
  database: string,
  table: string,
): ChangedKeys | undefined {
  const prefix = `idb://${database}/${table}/`;
  const tree = parts[prefix] ?? parts[`${prefix}:dels`];
  if (!tree) return undefined;
  const into: ChangedKeys = { ids: [], ranges: [] };
  walk(tree, into);
  const deleted = parts[`${prefix}:dels`];
  if (deleted && deleted !== tree) walk(deleted, into);
  return into;
}

/** Calls `listener` with the keys of `table` that each committed write touched. */
export function onTableChange(
  database: string,
  table: string,
  listener: (keys: ChangedKeys) => void,
): () => void {
  const handler = (parts: ObservabilitySet) => {
    const keys = changedKeys(parts, database, table);
    if (keys) listener(keys);
  };
  Dexie.on('storagemutated', handler);
  return () => Dexie.on('storagemutated').unsubscribe(handler);
}
