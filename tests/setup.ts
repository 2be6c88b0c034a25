// Dexie must find IndexedDB before it is first imported.
import 'fake-indexeddb/auto';
