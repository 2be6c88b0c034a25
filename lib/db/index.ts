/** Storage of annotations in IndexedDB through Dexie: extension origin only. */
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
export { DATABASE_NAME, GlossDatabase, getDatabase } from './database';
export {
  type ImportCounts,
  type ImportProgress,
  type ImportWriteOptions,
  importAnnotations,
  isQuotaError,
} from './import';
