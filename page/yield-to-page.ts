type SchedulerWithYield = { yield?: () => Promise<void> };

/**
 * Lets the page handle input and paint between two slices of our work. `scheduler.yield()` resumes
 * us ahead of other queued tasks (Chromium 129+); elsewhere a zero-delay timeout, which browsers
 * clamp to 4 ms once nested, so slices there come a little further apart.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerWithYield }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
