type SchedulerWithYield = { yield?: () => Promise<void> };

/**
 * Lets the page handle input and paint between two slices of our work. `scheduler.yield()` resumes
 * us ahead of other queued tasks (Chromium 129+); elsewhere a zero-delay timeout, which browsers
 * clamp to 4 ms once nested, so slices there come a little further apart.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerWithYield }).scheduler;
  const now = performance.now();
  if (typeof scheduler?.yield === 'function' && now - lastFairYield < FAIR_YIELD_EVERY_MS) return scheduler.yield();
  lastFairYield = now;
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Resuming ahead of queued tasks means the page's own timers, messages and network callbacks wait
 * for the whole scan: none ran during a 5 s scan of 200,000 elements (tests/hostile/load.test.mjs).
 * At least this often the scan queues behind them instead.
 */
const FAIR_YIELD_EVERY_MS = 50;
let lastFairYield = -Infinity;
