/**
 * Runs per property: moderate by default so `npm run test:unit` stays quick; `FC_NUM_RUNS=5000`
 * searches harder (and `FC_SEED` replays a failure fast-check reported).
 */
const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {};

function runs(defaultRuns: number): number {
  return Number(env.FC_NUM_RUNS) || defaultRuns;
}

export function propertyParameters(defaultRuns: number): { numRuns: number; seed?: number } {
  const numRuns = runs(defaultRuns);
  return env.FC_SEED === undefined ? { numRuns } : { numRuns, seed: Number(env.FC_SEED) };
}

/** Room for the runs and for shrinking a counter-example, which can take as long again. */
export function propertyTimeoutMs(defaultRuns: number): number {
  return 60_000 + runs(defaultRuns) * 100;
}
