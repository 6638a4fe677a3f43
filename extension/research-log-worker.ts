import { ResearchLogDatabase } from './research-log-db';
import { answerRequest, LogReader, type ReaderAnswer, type ReaderRequest } from './research-log-reader';

/**
 * The dashboard's worker (a dedicated Worker, from the extension's own file, which extension pages'
 * `script-src 'self'` allows in both browsers): reads the whole period for the table's other orders
 * and filters, and builds the export files, off the page's thread. extension/research-log-reader.ts
 * does the work; this only passes messages.
 */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ReaderRequest>) => void) | null;
  postMessage(message: ReaderAnswer): void;
};

let db: ResearchLogDatabase | null = null;
const reader = new LogReader(() => {
  db ??= new ResearchLogDatabase();
  return db;
});

scope.onmessage = (event) => {
  void answerRequest(reader, event.data, (message) => scope.postMessage(message));
};
