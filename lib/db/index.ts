/** Storage of annotations in IndexedDB through Dexie: extension origin only. */

export { listAnchorStates, recordAnchorStates } from './anchor-states';
export {
  countPage,
  createAnnotation,
  deleteAnnotation,
  getAnnotation,
  listAll,
  listPage,
  restoreAnnotation,
  updateAnnotation,
} from './annotations';
export {
  applyEdit,
  type ChangeOptions,
  type ChangeOutcome,
  changeAnnotations,
  type Edit,
  idsForTag,
  type RevertOutcome,
  revertChange,
  tagCounts,
} from './changes';
export { type AnchorState, DATABASE_NAME, GlossDatabase, getDatabase, type UndoRow } from './database';
export {
  type ImportCounts,
  type ImportProgress,
  type ImportWriteOptions,
  importAnnotations,
  isQuotaError,
} from './import';
export { type SyncJournalRow, setSyncJournal } from './sync-journal';
