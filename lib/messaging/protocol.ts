/**
 * The typed protocol: one union of every message, and for each request the type of its
 * answer. Answers travel as `Result` values because thrown errors do not cross contexts.
 */
import type { InferOutput } from 'valibot';
import type { SyncStatus } from '../sync/status';
import type { AnchorStatus, Annotation } from '../types';
import type { BackgroundRequestSchema, TabRequestSchema } from './schema';

export type BackgroundRequest = InferOutput<typeof BackgroundRequestSchema>;
export type TabRequest = InferOutput<typeof TabRequestSchema>;
/** Every message between content script, background and extension pages. */
export type GlossMessage = BackgroundRequest | TabRequest;

export interface PageState {
  pageKey: string;
  highlightsVisible: boolean;
  statuses: Record<string, AnchorStatus>;
  /** Annotation ids in the order their highlights appear in the page. */
  order: string[];
  /** Set when part of the page could not be read or drawn: plain words for the reader. */
  problem?: string;
}

export interface BackgroundResponses {
  getPageAnnotations: Annotation[];
  getAnnotation: Annotation | null;
  countPageAnnotations: number;
  loadAnnotator: boolean;
  reportAnchoring: boolean;
  createAnnotation: Annotation;
  updateAnnotation: Annotation | null;
  deleteAnnotation: Annotation | null;
  restoreAnnotation: Annotation;
  issueFrameTicket: string;
  redeemFrameTicket: { id: string; view: 'card' | 'margin'; edit: boolean } | null;
  notifyPagesChanged: boolean;
  editAnnotations: { changed: number; batch?: string };
  undoChange: { reverted: number; skipped: number };
  listTags: { tag: string; count: number }[];
  syncTurnOn: SyncStatus;
  syncTurnOff: SyncStatus;
  syncNow: SyncStatus;
}

export interface TabResponses {
  annotationsChanged: boolean;
  scrollToAnnotation: boolean;
  openNote: boolean;
  setHighlightsVisible: boolean;
  getPageState: PageState;
  runAction: boolean;
  reattachAnnotation: boolean;
  acceptAnchoredText: boolean;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export type ResponseTo<M extends GlossMessage> = M extends BackgroundRequest
  ? BackgroundResponses[M['type']]
  : M extends TabRequest
    ? TabResponses[M['type']]
    : never;
