// Helpers for the hostile-pages suite, on top of tests/support/e2e.mjs: pages built from strings, the
// page's own markup without the extension's host, and the figures the suite prints for the README.
import { BROWSER, HIGHLIGHT, CARD_HOST as HOST, htmlPage, IN_FIREFOX, registeredTexts } from '../support/e2e.mjs';

export { HOST };

export const html = (body, { head = '', title = 'Hostile' } = {}) => htmlPage(body, { head, title });

/** The text of every registered highlight range of `frame`, sorted (shadow-tree ranges included). */
export const highlightTexts = (frame) => registeredTexts(frame, { sorted: true });

/**
 * Prints a figure on one line the docs can quote: `hostile-figure: <name>: <value>`, with the
 * browser named in Firefox (`hostile-figure: [firefox] <name>: <value>`).
 */
export function figure(name, value) {
  console.log(`hostile-figure: ${IN_FIREFOX ? `[${BROWSER}] ` : ''}${name}: ${value}`);
}

/**
 * The document's own markup: everything under the root, serialised, with the extension's host
 * element (wherever it is) left out. Runs in `frame`'s main world.
 */
export function ownMarkup(frame) {
  return frame.evaluate((host) => {
    const root = document.documentElement;
    if (!root) return '';
    const copy = root.cloneNode(true);
    for (const element of copy.querySelectorAll(host)) element.remove();
    return new XMLSerializer().serializeToString(copy);
  }, HOST);
}

/** A highlighted range's viewport rect (scrolled into view first), read through `evaluate` (a frame's or a probe). */
export async function rangeRect(evaluate, text, nth = 0) {
  return evaluate(
    ({ name, text, nth }) => {
      // forEach rather than spreading: Firefox's Xray wrappers (an isolated probe's view) cannot iterate.
      const ranges = [];
      CSS.highlights.get(name)?.forEach((range) => {
        if (range.toString() === text) ranges.push(range);
      });
      ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      const range = ranges[nth];
      if (!range) return null;
      let rect = range.getBoundingClientRect();
      // By the range itself, both ways: its element may be one paragraph five million characters
      // long, which Chromium lays out far wider than the window.
      if (rect.top < 0 || rect.bottom > innerHeight || rect.left < 0 || rect.right > innerWidth) {
        scrollBy(rect.left - innerWidth / 2, rect.top - innerHeight / 2);
        rect = range.getBoundingClientRect();
      }
      return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
    },
    { name: HIGHLIGHT, text, nth },
  );
}

/** Rests the pointer on `rect` (viewport coordinates of the top page) after a fresh arrival. */
export async function restOn(page, rect) {
  await page.mouse.move(2, 2);
  await page.mouse.move(rect.x + rect.width / 2, rect.y + rect.height / 2, { steps: 4 });
}

/**
 * Whether the card is drawn where a reader can see it: what is hit at its middle is the host
 * element (the card is in the top layer, above anything of the page's).
 */
export function cardOnTop(frame) {
  return frame.evaluate((host) => {
    const card = document.querySelector(host)?.shadowRoot?.querySelector('.term-card');
    if (!card) return false;
    const rect = card.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) return false;
    return document.elementFromPoint(rect.x + rect.width / 2, rect.y + rect.height / 2)?.localName === host;
  }, HOST);
}

/** Sum of the durations of the User Timing measures named `names` that start at or after `from` (ms). */
export function measuredWork(frame, names, from = 0) {
  return frame.evaluate(
    ({ names, from }) => {
      let total = 0;
      let count = 0;
      for (const name of names) {
        for (const entry of performance.getEntriesByName(name, 'measure')) {
          if (entry.startTime < from) continue;
          total += entry.duration;
          count++;
        }
      }
      return { total, count };
    },
    { names, from },
  );
}

/**
 * A script for a page's <head> that records, in `window.__hostile`, the page's own animation
 * frames (count and longest gap) and its long tasks. Everything the suite reports about the page's
 * responsiveness comes from here.
 */
export const PAGE_METER = `<script>
  window.__hostile = { frames: 0, longestGap: 0, lastFrame: 0, frameTimes: [], timerTimes: [], longTasks: 0, longTaskMs: 0, longTaskList: [],
    longTasksMeasured: (PerformanceObserver.supportedEntryTypes ?? []).includes('longtask') };
  (() => {
    const meter = window.__hostile;
    // The page's own timer: does it get its turns while the extension works?
    setInterval(() => meter.timerTimes.push(performance.now()), 25);
    const tick = (now) => {
      if (meter.lastFrame) meter.longestGap = Math.max(meter.longestGap, now - meter.lastFrame);
      meter.lastFrame = now;
      meter.frames++;
      meter.frameTimes.push(now);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    try {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          meter.longTasks++;
          meter.longTaskMs += entry.duration;
          meter.longTaskList.push([entry.startTime, entry.duration]);
        }
      }).observe({ type: 'longtask', buffered: true });
    } catch {}
  })();
</script>`;

/**
 * The page's animation frames within [from, to] on its clock, the longest gap between two of them,
 * and how many times its own 25 ms timer ran.
 */
export function framesBetween(frame, from, to) {
  return frame.evaluate(
    ({ from, to }) => {
      const timers = window.__hostile.timerTimes.filter((time) => time >= from && time <= to).length;
      const times = window.__hostile.frameTimes.filter((time) => time >= from && time <= to);
      let longestGap = 0;
      for (let index = 1; index < times.length; index++)
        longestGap = Math.max(longestGap, times[index] - times[index - 1]);
      return { count: times.length, longestGap, timers };
    },
    { from, to },
  );
}

/** Long tasks of the page that overlap [from, to] on its clock, and their total length. */
export function longTasksBetween(frame, from, to) {
  return frame.evaluate(
    ({ from, to }) => {
      const inside = window.__hostile.longTaskList.filter(
        ([start, duration]) => start + duration >= from && start <= to,
      );
      return {
        measured: window.__hostile.longTasksMeasured,
        count: inside.length,
        total: inside.reduce((sum, [, duration]) => sum + duration, 0),
        longest: inside.reduce((most, [, duration]) => Math.max(most, duration), 0),
      };
    },
    { from, to },
  );
}

/**
 * Long tasks (from `longTasksBetween`) as a figure: their count and longest, and with `wall` (ms)
 * their total as a share of it. Firefox has no Long Tasks API: there the figure says so.
 */
export function longTasksFigure(tasks, wall) {
  if (!tasks.measured) return 'not measured (this browser has no Long Tasks API)';
  const share =
    wall === undefined ? '' : ` ${tasks.total.toFixed(0)} ms in all = ${percent(tasks.total, wall)} of wall time,`;
  return `${tasks.count},${share} longest ${tasks.longest.toFixed(0)} ms`;
}

export const percent = (part, whole) => `${((100 * part) / whole).toFixed(2)} %`;
