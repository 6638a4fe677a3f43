import fc from 'fast-check';
import { afterEach, beforeAll, describe, it } from 'vitest';
import { cleanUpPage, expectPageUntouched, expectReferenceHighlights, expectRescansCatchUp } from './engine-checks';
import { mutationBatches } from './page-mutations';
import { installHighlightRegistry, type RecordingHighlight } from './page-snapshot';
import { pageBody } from './page-tree';
import { propertyParameters, propertyTimeoutMs } from './run-count';

let registry: Map<string, RecordingHighlight>;

beforeAll(() => {
  registry = installHighlightRegistry();
});

afterEach(cleanUpPage);

describe('the term engine over generated pages', () => {
  it(
    '(a) leaves the page exactly as it was: same markup, shadow roots included, and no mutation at all',
    async () => {
      await fc.assert(
        fc.asyncProperty(pageBody, (page) => expectPageUntouched(page, registry)),
        propertyParameters(150),
      );
    },
    propertyTimeoutMs(150),
  );

  it(
    '(b) highlights exactly what the reference matcher finds in the same text',
    async () => {
      await fc.assert(fc.asyncProperty(pageBody, expectReferenceHighlights), propertyParameters(200));
    },
    propertyTimeoutMs(200),
  );

  it(
    '(c) after any changes, once the observer has caught up, shows what a fresh pass over the result shows',
    async () => {
      await fc.assert(
        fc.asyncProperty(pageBody, mutationBatches, (page, batches) => expectRescansCatchUp(page, batches, registry)),
        propertyParameters(150),
      );
    },
    propertyTimeoutMs(150),
  );
});
