/** The throwaway database `indexedDbWorks` makes and deletes. */
export const PROBE_DB_NAME = 'mhx-research-log-probe';

/**
 * Whether IndexedDB works here: some private windows have none, or refuse to create a database. A
 * throwaway database is made and deleted again, so asking leaves nothing behind. Plain IndexedDB, so
 * the options page that asks does not load the database library for it.
 */
export function indexedDbWorks(): Promise<boolean> {
  return new Promise((resolve) => {
    const forget = () => {
      const deletion = indexedDB.deleteDatabase(PROBE_DB_NAME);
      deletion.onsuccess = deletion.onerror = deletion.onblocked = () => resolve(true);
    };
    try {
      const request = indexedDB.open(PROBE_DB_NAME);
      request.onsuccess = () => {
        request.result.close();
        forget();
      };
      request.onerror = () => resolve(false);
      request.onblocked = () => resolve(false);
    } catch {
      resolve(false);
    }
  });
}
