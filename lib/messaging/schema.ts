/**
 * Schemas for every message Gloss sends between its contexts, checked on receipt. A message
 * that does not parse is dropped: content scripts share the page's DOM, and a bug or a
 * hostile page there must not be able to write malformed records into the database.
 */
import * as v from 'valibot';
import { HIGHLIGHT_COLORS } from '../types';

const MAX_TEXT = 100_000;
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const isoDate = v.pipe(v.string(), v.isoTimestamp());

export const ColorSchema = v.picklist(HIGHLIGHT_COLORS);

export const TargetSchema = v.object({
  quote: v.object({
    type: v.literal('TextQuoteSelector'),
    exact: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_TEXT)),
    prefix: v.optional(v.pipe(v.string(), v.maxLength(MAX_TEXT))),
    suffix: v.optional(v.pipe(v.string(), v.maxLength(MAX_TEXT))),
  }),
  position: v.optional(
    v.object({
      type: v.literal('TextPositionSelector'),
      start: v.pipe(v.number(), v.integer(), v.minValue(0)),
      end: v.pipe(v.number(), v.integer(), v.minValue(0)),
    }),
  ),
});

export const AnnotationSchema = v.object({
  id,
  pageKey: v.pipe(v.string(), v.minLength(1), v.maxLength(8192)),
  url: v.pipe(v.string(), v.minLength(1), v.maxLength(8192)),
  title: v.pipe(v.string(), v.maxLength(2000)),
  target: TargetSchema,
  note: v.pipe(v.string(), v.maxLength(MAX_TEXT)),
  tags: v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(200))), v.maxLength(100)),
  color: ColorSchema,
  created: isoDate,
  modified: isoDate,
});

export const ChangesSchema = v.object({
  note: v.optional(v.pipe(v.string(), v.maxLength(MAX_TEXT))),
  tags: v.optional(v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(200))), v.maxLength(100))),
  color: v.optional(ColorSchema),
  target: v.optional(TargetSchema),
});

const tag = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200));
const tagList = v.pipe(v.array(tag), v.minLength(1), v.maxLength(100));

/** A change the reader makes from an extension page, to one annotation or many (lib/db/changes.ts). */
export const EditSchema = v.variant('kind', [
  v.object({ kind: v.literal('delete') }),
  v.object({ kind: v.literal('color'), color: ColorSchema }),
  v.object({ kind: v.literal('addTags'), tags: tagList }),
  v.object({ kind: v.literal('removeTags'), tags: tagList }),
  v.object({ kind: v.literal('renameTag'), from: tag, to: tag }),
  v.object({
    kind: v.literal('update'),
    changes: v.object({
      note: v.optional(v.pipe(v.string(), v.maxLength(MAX_TEXT))),
      tags: v.optional(v.pipe(v.array(tag), v.maxLength(100))),
      color: v.optional(ColorSchema),
    }),
    /** As on updateAnnotation: refused with EDIT_CONFLICT when the stored note moved on. */
    expectedNote: v.optional(v.pipe(v.string(), v.maxLength(MAX_TEXT))),
  }),
]);

/** Requests answered by the background, which owns the database. */
export const BackgroundRequestSchema = v.variant('type', [
  v.object({ type: v.literal('getPageAnnotations'), pageKey: v.string() }),
  v.object({ type: v.literal('getAnnotation'), id }),
  v.object({ type: v.literal('countPageAnnotations'), pageKey: v.string() }),
  v.object({ type: v.literal('loadAnnotator') }),
  v.object({
    type: v.literal('reportAnchoring'),
    pageKey: v.string(),
    states: v.record(id, v.picklist(['exact', 'fuzzy', 'orphan'])),
  }),
  v.object({ type: v.literal('createAnnotation'), annotation: AnnotationSchema }),
  v.object({
    type: v.literal('updateAnnotation'),
    id,
    changes: ChangesSchema,
    /** The note the editor started from: if the stored one differs, the edit is refused (EDIT_CONFLICT). */
    expectedNote: v.optional(v.pipe(v.string(), v.maxLength(MAX_TEXT))),
  }),
  v.object({ type: v.literal('deleteAnnotation'), id }),
  v.object({ type: v.literal('restoreAnnotation'), annotation: AnnotationSchema }),
  /** From a content script: a one-time ticket for a note frame it is about to open. */
  v.object({
    type: v.literal('issueFrameTicket'),
    id,
    view: v.picklist(['card', 'margin']),
    edit: v.boolean(),
  }),
  /** From a note frame: the ticket its content script handed it (lib/background/frame-tickets.ts). */
  v.object({
    type: v.literal('redeemFrameTicket'),
    ticket: v.pipe(v.string(), v.minLength(16), v.maxLength(100)),
  }),
  /**
   * From extension pages: one change to many annotations (`ids`, or for a tag rename every
   * annotation with the tag when `ids` is absent), recorded for undo.
   */
  v.object({
    type: v.literal('editAnnotations'),
    ids: v.optional(v.pipe(v.array(id), v.maxLength(1_000_000))),
    edit: EditSchema,
  }),
  v.object({ type: v.literal('undoChange'), batch: v.pipe(v.string(), v.minLength(1), v.maxLength(100)) }),
  /** Tags in use, for autocomplete; a note frame names the annotation its ticket granted. */
  v.object({ type: v.literal('listTags'), id: v.optional(id) }),
  /** From the options page: join a sync folder (lib/sync). The passphrase goes no further than the background. */
  v.object({
    type: v.literal('syncTurnOn'),
    server: v.pipe(v.string(), v.minLength(1), v.maxLength(2048)),
    passphrase: v.pipe(v.string(), v.minLength(1), v.maxLength(1024)),
  }),
  v.object({ type: v.literal('syncTurnOff') }),
  v.object({ type: v.literal('syncNow') }),
  /** From extension pages that wrote to the database themselves (an import): tabs should redraw. */
  v.object({
    type: v.literal('notifyPagesChanged'),
    pageKeys: v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(8192))), v.maxLength(100_000)),
  }),
]);

/** Requests answered by the content script of one tab. */
export const TabRequestSchema = v.variant('type', [
  v.object({ type: v.literal('annotationsChanged') }),
  v.object({ type: v.literal('scrollToAnnotation'), id }),
  v.object({ type: v.literal('openNote'), id }),
  v.object({ type: v.literal('setHighlightsVisible'), visible: v.boolean() }),
  v.object({ type: v.literal('getPageState') }),
  v.object({ type: v.literal('runAction'), action: v.picklist(['highlight', 'note']) }),
  v.object({ type: v.literal('reattachAnnotation'), id }),
  v.object({ type: v.literal('acceptAnchoredText'), id }),
]);
