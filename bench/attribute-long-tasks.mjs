// A look inside the long tasks of one page load, with and without the extension: for each task over
// 50 ms on the renderer's main thread, its wall and thread time, where it lies against the
// extension's User Timing marks, and what ran in it (self time per trace event, the extension's own
// functions from a CPU profile). Not part of `npm run bench`: run by hand while working on long tasks.
//   node bench/attribute-long-tasks.mjs war-and-peace.html [everywhere|mental-health-pages] [.output/chrome-mv3]
import path from 'node:path';
import { startServer } from '../tests/support/e2e.mjs';
import { launchChromium, traceLoad } from './bench-browser.mjs';
import { benchPages, ROOT } from './bench-pages.mjs';

const [name = 'war-and-peace.html', mode = 'everywhere', build = '.output/chrome-mv3'] = process.argv.slice(2);
const pages = benchPages({ bare: true });
if (!pages[name]) throw new Error(`no page ${name}`);
const server = await startServer({ routes: { [`/${name}`]: pages[name] } });

const summary = (label, load) => {
  console.log(`\n== ${label}: ${load.longTasks.length} tasks over 50 ms`);
  for (const task of load.longTasks) {
    console.log(
      `  at ${task.at.toFixed(0)} ms: ${task.wall.toFixed(0)} ms wall, ${task.cpu.toFixed(0)} ms thread${task.extension ? ', EXTENSION' : ''}${task.page ? ', page' : ''}`,
    );
    for (const [event, ms] of task.selfTimes.slice(0, 8)) console.log(`      ${ms.toFixed(1).padStart(7)}  ${event}`);
    for (const [fn, ms] of task.functions.slice(0, 6)) console.log(`      ${ms.toFixed(1).padStart(7)}  js ${fn}`);
  }
  for (const mark of load.marks)
    console.log(`  ${mark.name} at ${mark.startTime.toFixed(0)} for ${mark.duration.toFixed(0)}`);
};

try {
  const plain = await launchChromium(null);
  summary('without the extension', await traceLoad(plain, server.url(name)));
  await plain.close();
  const extension = await launchChromium(path.resolve(ROOT, build));
  await extension.setSettings({ mode });
  summary(`with the extension (${mode})`, await traceLoad(extension, server.url(name)));
  await extension.close();
} finally {
  await server.close();
}
