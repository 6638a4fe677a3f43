// The research log's database as the previous schema left it, for the e2e suite (a migration in a
// real browser) and the bench (100,000 visits, migrated by the extension itself).

/**
 * Runs in an extension page, before the extension has opened the log: makes the database as schema 1
 * made it (Dexie's version 1 is IndexedDB's version 10; visits without a day) and fills it with
 * `visits`, or with `generate.count` made-up visits spread evenly over the last `generate.days` days
 * (a fixed pseudo-random sequence: every run seeds the same log). Resolves with the number of visits.
 */
export function createSchema1Log({ name, visits = [], generate = null }) {
  const terms = ['ssri', 'ketamine', 'serotonin', 'glutamate', 'depression', 'anxiety', 'psychotherapy'];
  let state = 42;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const made = (index, count, now, span) => {
    const startedAt = Math.round(now - span + (span * index) / count);
    const visitTerms = {};
    const termCount = 1 + Math.floor(random() * 4);
    for (let t = 0; t < termCount; t++) {
      const term = terms[Math.floor(random() * terms.length)];
      visitTerms[term] = (visitTerms[term] ?? 0) + 1 + Math.floor(random() * 6);
    }
    return {
      key: `seed:${index}`,
      startedAt,
      updatedAt: startedAt,
      site: `site${Math.floor(random() * 500)}.example`,
      highlighted: true,
      terms: visitTerms,
      total: Object.values(visitTerms).reduce((a, b) => a + b, 0),
    };
  };
  const request = (target) =>
    new Promise((resolve, reject) => {
      target.onsuccess = () => resolve(target.result);
      target.onerror = () => reject(target.error);
    });
  const opening = indexedDB.open(name, 10);
  opening.onupgradeneeded = () => {
    const store = opening.result.createObjectStore('visits', { keyPath: 'id', autoIncrement: true });
    store.createIndex('key', 'key', { unique: true });
    store.createIndex('startedAt', 'startedAt');
    store.createIndex('site', 'site');
  };
  return request(opening).then(async (db) => {
    const count = generate ? generate.count : visits.length;
    const now = Date.now();
    const span = generate ? generate.days * 24 * 60 * 60 * 1000 : 0;
    for (let start = 0; start < count; start += 10_000) {
      const transaction = db.transaction('visits', 'readwrite');
      const store = transaction.objectStore('visits');
      for (let index = start; index < Math.min(count, start + 10_000); index++) {
        store.add(generate ? made(index, count, now, span) : visits[index]);
      }
      await new Promise((resolve, reject) => {
        transaction.oncomplete = resolve;
        transaction.onerror = () => reject(transaction.error);
      });
    }
    const stored = await request(db.transaction('visits').objectStore('visits').count());
    db.close();
    return stored;
  });
}
