// Chromium for `npm run bench`, launched the same way with or without an extension, and one page
// load measured the way the yearly reports on popular extensions measure it: the page's
// ScriptDuration, TaskDuration and JSHeapUsedSize from CDP Performance.getMetrics, in thread time
// (CPU time of the page's main thread, which a busy machine does not inflate), plus the main-thread
// CPU time of the tasks in which an extension's code ran, from a trace and a CPU profile of the load.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, COMMON_ARGS } from '../tests/support/chromium-session.mjs';

const ARGS = [
  ...COMMON_ARGS,
  // The saved pages' scripts, styles and images elsewhere fail at once, the same way in every run.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];
/** A page has settled when its script time has not grown for this long. */
const QUIET_MS = 600;
const POLL_MS = 100;
/** Sampling interval of the CPU profile that finds the tasks in which extension code ran (µs). */
const SAMPLING_INTERVAL_US = 100;
const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'v8'];
/** What a renderer's main thread runs at the top: tasks, and microtask checkpoints run between them. */
const TOP_LEVEL_EVENTS = new Set(['ThreadControllerImpl::RunTask', 'BlinkScheduler_PerformMicrotaskCheckpoint']);

/**
 * Chromium in a fresh profile, headless, with the extension in `extensionDir` or none. In a
 * persistent context either way, so the only difference between the configurations is the extension.
 */
export async function launchChromium(extensionDir = null) {
  const profile = await mkdtemp(path.join(tmpdir(), 'mhx-bench-'));
  const extensionArgs = extensionDir
    ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]
    : [];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 720 },
    args: [...extensionArgs, ...ARGS],
  });
  const worker = async () =>
    context.serviceWorkers().find((candidate) => candidate.url().startsWith('chrome-extension://')) ??
    context.waitForEvent('serviceworker', { timeout: 15_000 });
  return {
    context,
    version: context.browser()?.version() ?? null,
    /** Stores the extension's settings as its own pages would: preferences, and rules as deflated lines. */
    async setSettings({ mode, rules = [] }) {
      await (await worker()).evaluate(
        async ({ mode, rules }) => {
          const savedAt = Date.now();
          let data = '';
          if (rules.length > 0) {
            const stream = new Blob([rules.join('\n')]).stream().pipeThrough(new CompressionStream('deflate'));
            const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
            data = btoa(String.fromCharCode(...bytes));
          }
          await chrome.storage.local.clear();
          await chrome.storage.sync.clear();
          await chrome.storage.sync.set({
            preferences: { mode, firstOccurrenceOnly: false, hoverDelayMs: 300, savedAt },
            siteRules: { savedAt, count: rules.length, shards: 1, data },
            siteRules$: { v: 2 },
          });
        },
        { mode, rules },
      );
    },
    async close() {
      await context.close().catch(() => {});
      await rm(profile, { recursive: true, force: true });
    },
  };
}

const metricsOf = async (cdp) =>
  Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map(({ name, value }) => [name, value]));

/**
 * Loads `url` in `page` under a trace (`categories`) and a CPU profile, and waits until the page's
 * script time has stopped growing (at most a minute): the trace's events, the profile, and the
 * page's metrics once it was quiet.
 */
async function recordLoad(cdp, page, url, categories) {
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
  await cdp.send('Profiler.start');
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: categories }, transferMode: 'ReportEvents' });
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  let last = -1;
  let quietSince = Date.now();
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const { ScriptDuration } = await metricsOf(cdp);
    if (ScriptDuration !== last) {
      last = ScriptDuration;
      quietSince = Date.now();
    } else if (Date.now() - quietSince >= QUIET_MS) break;
  }
  const metrics = await metricsOf(cdp);
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Tracing.end');
  await traced;
  return { events, profile, metrics };
}

/**
 * Loads `url` in a new tab, waits until its script time has stopped growing, and returns the page's
 * ScriptDuration and TaskDuration (thread time, ms), its JS heap after a garbage collection (bytes),
 * the extension's main-thread CPU time and its longest task (ms), and what it recorded (User Timing
 * entries named mhx:…). `watchFirstHighlight` also records, from the page's own world, when a
 * highlight first lies in the viewport (`firstHighlightAt`, on the page's clock).
 */
export async function loadAndMeasure(session, url, { watchFirstHighlight = false } = {}) {
  const page = await session.context.newPage();
  try {
    const cdp = await session.context.newCDPSession(page);
    if (watchFirstHighlight) {
      await cdp.send('Page.enable');
      await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: FIRST_HIGHLIGHT_WATCHER });
    }
    const { events, profile, metrics } = await recordLoad(cdp, page, url, TRACE_CATEGORIES);
    const { ScriptDuration, TaskDuration } = metrics;
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const { JSHeapUsedSize } = await metricsOf(cdp);
    const recorded = await page.evaluate(() => ({
      marks: performance
        .getEntries()
        .filter((entry) => entry.name.startsWith('mhx:'))
        .map((entry) => ({ name: entry.name, startTime: entry.startTime, duration: entry.duration })),
      firstHighlightAt: window.__benchFirstHighlight ?? null,
      /** Terms the page shows now (none while relevance is unknown, or where it is not). */
      highlights: typeof CSS !== 'undefined' && CSS.highlights ? (CSS.highlights.get('mhx-term')?.size ?? 0) : 0,
    }));
    return {
      script: ScriptDuration * 1000,
      task: TaskDuration * 1000,
      heap: JSHeapUsedSize,
      ...extensionTaskTimes(events, profile),
      ...recorded,
    };
  } finally {
    await page.close();
  }
}

/**
 * In the page's own world from its start: before each frame, whether the extension's highlight holds
 * a range in the viewport; the first frame that does paints it, right after this callback (its time
 * is taken here: the frame's own timestamp can be long before a busy main thread gets to it).
 */
export const FIRST_HIGHLIGHT_WATCHER = `(() => {
  const look = () => {
    const highlight = typeof CSS !== 'undefined' && CSS.highlights ? CSS.highlights.get('mhx-term') : undefined;
    if (highlight && highlight.size > 0) {
      let looked = 0;
      for (const range of highlight) {
        const box = range.getBoundingClientRect();
        if (box.width > 0 && box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth) {
          window.__benchFirstHighlight = performance.now();
          return;
        }
        if (++looked === 500) break;
      }
    }
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
})();`;

/** Whether a trace event names an extension's script or world. */
const namesExtension = (event) => {
  const args = event.args;
  if (!args) return false;
  if (args.worldName !== undefined && args.worldName !== '') return true;
  const url = args.data?.url ?? args.fileName;
  return typeof url === 'string' && url.startsWith('chrome-extension://');
};

/** Whether a trace event is the page's own work: parsing, or running one of its scripts. */
const namesPage = (event) => {
  if (event.name === 'ParseHTML') return true;
  const url = event.args?.data?.url ?? event.args?.fileName;
  return typeof url === 'string' && /^https?:/u.test(url);
};

/**
 * The main-thread CPU time (ms) of the tasks in which an extension's code ran, and the longest of
 * them (CPU ms): every top-level task of a renderer thread that holds a trace event naming an
 * extension's script or world, or a CPU profile sample with an extension's script on its stack (its
 * promise callbacks, which no trace event names). A task counts whole — creating the extension's
 * world, the engine calls its code makes, the layout it forces — except where the page worked in it
 * too (its parser runs document_start scripts): then only the extension's own events in it count.
 * Thread time, not wall time: what the page's main thread spent, however busy the machine is.
 */
export function extensionTaskTimes(events, profile) {
  const parents = new Map();
  for (const node of profile?.nodes ?? []) for (const child of node.children ?? []) parents.set(child, node.id);
  const byId = new Map((profile?.nodes ?? []).map((node) => [node.id, node]));
  const memo = new Map();
  const underExtension = (id) => {
    if (memo.has(id)) return memo.get(id);
    const own = byId.get(id).callFrame.url.startsWith('chrome-extension://');
    const result = own || (parents.has(id) ? underExtension(parents.get(id)) : false);
    memo.set(id, result);
    return result;
  };
  const extensionSamples = [];
  let time = profile?.startTime ?? 0;
  for (let index = 0; index < (profile?.samples.length ?? 0); index++) {
    time += profile.timeDeltas[index];
    if (underExtension(profile.samples[index])) extensionSamples.push(time);
  }
  const threads = new Map();
  for (const event of events) {
    if (event.ph !== 'X') continue;
    const key = `${event.pid}:${event.tid}`;
    if (!threads.has(key)) threads.set(key, { tasks: [], own: [], page: [] });
    const thread = threads.get(key);
    if (TOP_LEVEL_EVENTS.has(event.name)) thread.tasks.push(event);
    else if (namesExtension(event)) thread.own.push(event);
    else if (namesPage(event)) thread.page.push(event);
  }
  let microseconds = 0;
  let longest = 0;
  for (const { tasks, own, page } of threads.values()) {
    if (own.length === 0) continue;
    const within = (list, task) => list.filter((event) => event.ts >= task.ts && event.ts <= task.ts + task.dur);
    for (const task of outermost(tasks)) {
      const ownEvents = within(own, task);
      const sampled = extensionSamples.some((t) => t >= task.ts && t <= task.ts + task.dur);
      if (ownEvents.length === 0 && !sampled) continue;
      const shared = within(page, task).length > 0;
      microseconds += shared
        ? outermost(ownEvents).reduce((sum, event) => sum + (event.tdur ?? event.dur), 0)
        : (task.tdur ?? task.dur);
      // Its own time: a task the machine set aside for another process is not longer for it.
      if (!shared) longest = Math.max(longest, task.tdur ?? task.dur);
    }
  }
  return { cpu: microseconds / 1000, longestTask: longest / 1000 };
}

/** Events not inside another of the list, in time order. */
function outermost(list) {
  const sorted = [...list].sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const kept = [];
  for (const event of sorted) {
    const last = kept.at(-1);
    if (last && event.ts + event.dur <= last.ts + last.dur) continue;
    kept.push(event);
  }
  return kept;
}

/**
 * Loads `url` in a new tab with a trace and a CPU profile until its script time has settled, and
 * returns the renderer main thread's tasks over `overMs` (wall): when they began on the page's clock,
 * their wall and thread time, whether the extension's code or the page's own work ran in them, self
 * time per trace event and per extension function (from the profile), and the page's mhx: marks.
 * For bench/attribute-long-tasks.mjs.
 */
export async function traceLoad(session, url, { overMs = 50 } = {}) {
  const page = await session.context.newPage();
  try {
    const cdp = await session.context.newCDPSession(page);
    const { events, profile } = await recordLoad(cdp, page, url, [
      ...TRACE_CATEGORIES,
      'blink.user_timing',
      'v8.execute',
      'blink',
    ]);
    const marks = await page.evaluate(() =>
      performance
        .getEntries()
        .filter((entry) => entry.name.startsWith('mhx:'))
        .map((entry) => ({ name: entry.name, startTime: entry.startTime, duration: entry.duration })),
    );
    return { longTasks: describeLongTasks(events, profile, url, overMs * 1000), marks };
  } finally {
    await page.close();
  }
}

function describeLongTasks(events, profile, url, overUs) {
  const navigation = events.find(
    (event) => event.name === 'navigationStart' && event.args?.data?.documentLoaderURL === url,
  );
  const key = navigation ? `${navigation.pid}:${navigation.tid}` : null;
  const thread = events
    .filter((event) => event.ph === 'X' && `${event.pid}:${event.tid}` === key)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  // Self time of each event: its duration less that of the events directly inside it.
  const selfOf = new Map();
  const stack = [];
  for (const event of thread) {
    while (stack.length > 0 && stack.at(-1).ts + stack.at(-1).dur <= event.ts) stack.pop();
    selfOf.set(event, event.dur);
    const parent = stack.at(-1);
    if (parent) selfOf.set(parent, selfOf.get(parent) - Math.min(event.dur, parent.ts + parent.dur - event.ts));
    stack.push(event);
  }
  const byId = new Map((profile?.nodes ?? []).map((node) => [node.id, node]));
  const parents = new Map();
  for (const node of profile?.nodes ?? []) for (const child of node.children ?? []) parents.set(child, node.id);
  const extensionFrame = (id) => {
    for (let current = id; current !== undefined; current = parents.get(current)) {
      const { callFrame } = byId.get(current);
      if (callFrame.url.startsWith('chrome-extension://')) {
        return `${callFrame.functionName || '(anonymous)'} ${callFrame.url.split('/').pop()}:${callFrame.lineNumber}:${callFrame.columnNumber}`;
      }
    }
    return null;
  };
  const samples = [];
  let time = profile?.startTime ?? 0;
  for (let index = 0; index < (profile?.samples.length ?? 0); index++) {
    time += profile.timeDeltas[index];
    samples.push({ time, delta: profile.timeDeltas[index + 1] ?? 0, id: profile.samples[index] });
  }
  const tasks = outermost(thread.filter((event) => TOP_LEVEL_EVENTS.has(event.name)));
  const origin = navigation?.ts ?? 0;
  return tasks
    .filter((task) => task.dur > overUs)
    .map((task) => {
      const inside = thread.filter((event) => event.ts >= task.ts && event.ts + event.dur <= task.ts + task.dur);
      const self = new Map();
      for (const event of inside) {
        const label = event.args?.data?.url ? `${event.name} ${event.args.data.url.split('/').pop()}` : event.name;
        self.set(label, (self.get(label) ?? 0) + selfOf.get(event) / 1000);
      }
      const functions = new Map();
      for (const sample of samples) {
        if (sample.time < task.ts || sample.time > task.ts + task.dur) continue;
        const frame = extensionFrame(sample.id);
        if (frame) functions.set(frame, (functions.get(frame) ?? 0) + sample.delta / 1000);
      }
      return {
        at: (task.ts - origin) / 1000,
        wall: task.dur / 1000,
        cpu: (task.tdur ?? task.dur) / 1000,
        extension: inside.some(namesExtension) || functions.size > 0,
        page: inside.some(namesPage),
        selfTimes: [...self].sort((a, b) => b[1] - a[1]),
        functions: [...functions].sort((a, b) => b[1] - a[1]),
      };
    });
}
