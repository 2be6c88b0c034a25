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
export { type AnchorState, DATABASE_NAME, GlossDatabase, getDatabase } from './database';
export {
  type ImportCounts,
  type ImportProgress,
  type ImportWriteOptions,
  importAnnotations,
  isQuotaError,
} from './import';
