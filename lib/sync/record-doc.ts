/**
 * How an annotation lives inside a Yjs document, and the two directions between that and the
 * Dexie record. No storage and no network here: only Yjs.
 *
 * Each annotation is a Y.Map under its id. Every field is its own entry, so two devices that
 * change different fields (one the colour, the other the tags) both keep their change; the
 * same field changed on both ends with one value, decided the same way everywhere. The note
 * is a Y.Text, so two devices editing the same note offline both keep their words: that is
 * the one field where "one value wins" would silently lose writing. Tags are a Y.Map used as
 * a set, so a tag added on one device and another added elsewhere are both kept.
 *
 * A deleted annotation is a deleted key. Yjs drops edits made concurrently inside a deleted
 * map, so a delete wins over an edit and nothing resurrects; re-creating the record (undo
 * after a delete) sets a fresh map under the same id, which is a new change and syncs as one.
 *
 * The documents are sharded by id (SHARDS of them) so that a worker only ever holds the shard
 * it is working on: one Y.Doc of 50,000 annotations takes about 250 MB of heap in V8.
 */
import * as Y from 'yjs';
import { type Annotation, type AnnotationTarget, HIGHLIGHT_COLORS, type HighlightColor } from '../types';

export const SHARDS = 64;
const ANNOTATIONS = 'annotations';

/** The fields kept as plain values (last writer wins, per field). */
const PLAIN_FIELDS = ['pageKey', 'url', 'title', 'color', 'created', 'modified'] as const;

export function annotationsOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(ANNOTATIONS);
}

/** The shard of an id: FNV-1a, stable across devices and versions (changing it would re-shard every server). */
export function shardOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % SHARDS;
}

/**
 * Makes the document hold `record` (or no record under `id` when `record` is null), touching
 * only what differs, so that writing back what the document already holds makes no update.
 * Returns whether anything changed.
 */
export function writeRecord(doc: Y.Doc, id: string, record: Annotation | null): boolean {
  const all = annotationsOf(doc);
  const existing = all.get(id);
  if (!record) {
    if (!existing) return false;
    all.delete(id);
    return true;
  }
  if (!existing) {
    const map = new Y.Map<unknown>();
    for (const field of PLAIN_FIELDS) map.set(field, record[field]);
    map.set('target', record.target);
    const tags = new Y.Map<boolean>();
    for (const tag of record.tags) tags.set(tag, true);
    map.set('tags', tags);
    map.set('note', new Y.Text(record.note));
    all.set(id, map);
    return true;
  }
  let changed = false;
  for (const field of PLAIN_FIELDS) {
    if (existing.get(field) !== record[field]) {
      existing.set(field, record[field]);
      changed = true;
    }
  }
  if (JSON.stringify(existing.get('target')) !== JSON.stringify(record.target)) {
    existing.set('target', record.target);
    changed = true;
  }
  changed = writeTags(existing, record.tags) || changed;
  changed = writeNote(existing, record.note) || changed;
  return changed;
}

function writeTags(map: Y.Map<unknown>, tags: string[]): boolean {
  let set = map.get('tags');
  if (!(set instanceof Y.Map)) {
    set = new Y.Map<boolean>();
    map.set('tags', set);
  }
  const tagSet = set as Y.Map<boolean>;
  const wanted = new Set(tags);
  let changed = false;
  for (const tag of [...tagSet.keys()]) {
    if (!wanted.has(tag)) {
      tagSet.delete(tag);
      changed = true;
    }
  }
  for (const tag of wanted) {
    if (!tagSet.has(tag)) {
      tagSet.set(tag, true);
      changed = true;
    }
  }
  return changed;
}

/**
 * Turns the old note into the new one with the smallest single splice (common head and tail
 * kept). Rewriting the whole text instead would make every concurrent edit look like a
 * conflict and keep both full copies.
 */
function writeNote(map: Y.Map<unknown>, note: string): boolean {
  let text = map.get('note');
  if (!(text instanceof Y.Text)) {
    text = new Y.Text();
    map.set('note', text);
  }
  const yText = text as Y.Text;
  const old = yText.toString();
  if (old === note) return false;
  let head = 0;
  const max = Math.min(old.length, note.length);
  while (head < max && old.charCodeAt(head) === note.charCodeAt(head)) head++;
  let tail = 0;
  while (
    tail < max - head &&
    old.charCodeAt(old.length - 1 - tail) === note.charCodeAt(note.length - 1 - tail)
  )
    tail++;
  const removed = old.length - head - tail;
  if (removed > 0) yText.delete(head, removed);
  const inserted = note.slice(head, note.length - tail);
  if (inserted) yText.insert(head, inserted);
  return true;
}

/** Whether the document has anything under `id` (a record, or a map too broken to read). */
export function holdsId(doc: Y.Doc, id: string): boolean {
  return annotationsOf(doc).has(id);
}

/** The record the document holds under `id`, or null; null too for a map too broken to use. */
export function readRecord(doc: Y.Doc, id: string): Annotation | null {
  const map = annotationsOf(doc).get(id);
  if (!(map instanceof Y.Map)) return null;
  const plain: Record<string, unknown> = {};
  for (const field of PLAIN_FIELDS) plain[field] = map.get(field);
  const { pageKey, url, title, color, created, modified } = plain;
  if (
    typeof pageKey !== 'string' ||
    typeof url !== 'string' ||
    typeof title !== 'string' ||
    typeof created !== 'string' ||
    typeof modified !== 'string' ||
    !HIGHLIGHT_COLORS.includes(color as HighlightColor)
  )
    return null;
  const target = map.get('target') as AnnotationTarget | undefined;
  if (!target || typeof target !== 'object' || typeof target.quote?.exact !== 'string') return null;
  const tags = map.get('tags');
  const note = map.get('note');
  return {
    id,
    pageKey,
    url,
    title,
    target,
    note: note instanceof Y.Text ? note.toString() : '',
    tags: tags instanceof Y.Map ? [...tags.keys()].sort() : [],
    color: color as HighlightColor,
    created,
    modified,
  };
}

/** The ids an applied update touched (added, changed in any field, or deleted). */
export function touchedIds(events: Array<Y.YEvent<Y.AbstractType<unknown>>>, doc: Y.Doc): Set<string> {
  const root = annotationsOf(doc);
  const ids = new Set<string>();
  for (const event of events) {
    if (event.target === root) {
      for (const key of event.keys.keys()) ids.add(key);
      continue;
    }
    // A nested change: the first step of its path from the root is the annotation's id.
    const first = event.path[0];
    if (typeof first === 'string') ids.add(first);
  }
  return ids;
}
