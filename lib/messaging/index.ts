/** The one message protocol between content scripts, background and extension pages. */

export { EDIT_CONFLICT } from './errors';
export type {
  BackgroundRequest,
  BackgroundResponses,
  GlossMessage,
  PageState,
  ResponseTo,
  Result,
  TabRequest,
  TabResponses,
} from './protocol';
export {
  AnnotationSchema,
  BackgroundRequestSchema,
  ChangesSchema,
  EditSchema,
  TabRequestSchema,
} from './schema';
export { classifySender, mayTouchPage, NOTE_FRAME_PATH, type SenderInfo, type SenderKind } from './sender';
export { type Handlers, isTransientFailure, listen, sendToBackground, sendToTab } from './transport';
