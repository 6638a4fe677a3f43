import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CountedItem, Timeline } from '@/utils/research-log-summary';

// Only the parts these two charts draw with: Chart.js is tree-shaken to them.
Chart.register(
  LineController,
  LineElement,
  PointElement,
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  Tooltip,
);

/** Sites in the bar chart; the table under it lists every one. */
export const CHARTED_SITES = 10;

interface Colors {
  text: string;
  grid: string;
  series: string[];
}

/** The page's colours now (they follow light and dark mode through CSS custom properties). */
function readColors(): Colors {
  const style = getComputedStyle(document.documentElement);
  const read = (name: string) => style.getPropertyValue(name).trim();
  return {
    text: read('--fg') || '#1f2328',
    grid: read('--border') || '#e4d9bd',
    series: [1, 2, 3, 4, 5].map((n) => read(`--series-${n}`) || '#7a4b00'),
  };
}

/** The colours, read again whenever the reader's light or dark preference changes. */
function useColors(): Colors {
  const [colors, setColors] = useState(readColors);
  useEffect(() => {
    const query = matchMedia('(prefers-color-scheme: dark)');
    const update = () => setColors(readColors());
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return colors;
}

/** A Chart.js chart on a canvas, made once and updated in place (no animation: figures, not a show). */
function useChart(config: () => ChartConfiguration, deps: unknown[]) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);
  useEffect(
    () => () => {
      chart.current?.destroy();
      chart.current = null;
    },
    [],
  );
  // The caller names what the chart depends on.
  useEffect(() => {
    if (!canvas.current) return;
    const next = config();
    if (chart.current === null) {
      chart.current = new Chart(canvas.current, next);
    } else {
      chart.current.data = next.data;
      chart.current.options = next.options ?? {};
      chart.current.update('none');
    }
  }, deps);
  return canvas;
}

const baseOptions = (colors: Colors) => ({
  animation: false as const,
  responsive: true,
  maintainAspectRatio: false,
  color: colors.text,
  plugins: { tooltip: { enabled: true } },
});

const axis = (colors: Colors, extra: object = {}) => ({
  ticks: { color: colors.text, precision: 0 },
  grid: { color: colors.grid },
  border: { color: colors.grid },
  ...extra,
});

export function bucketLabel(start: number, size: Timeline['size']): string {
  const date = new Date(start);
  if (size === 'month') return date.toLocaleDateString(undefined, { month: 'short', year: 'numeric' });
  const day = date.toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
  return size === 'week' ? `Week of ${day}` : day;
}

const SIZE_WORDS: Readonly<Record<Timeline['size'], string>> = { day: 'day', week: 'week', month: 'month' };

/** Term occurrences per day (week, month) for the most frequent terms, with the same figures as a table. */
export function TermTimeChart({ timeline, termName }: { timeline: Timeline; termName: (id: string) => string }) {
  const colors = useColors();
  const labels = timeline.starts.map((start) => bucketLabel(start, timeline.size));
  const canvas = useChart(
    () => ({
      type: 'line',
      data: {
        labels,
        datasets: timeline.series.map((line, index) => ({
          label: termName(line.term),
          data: line.counts,
          borderColor: colors.series[index % colors.series.length],
          backgroundColor: colors.series[index % colors.series.length],
          borderWidth: 2,
          pointRadius: timeline.starts.length > 40 ? 0 : 2,
          tension: 0.2,
        })),
      },
      options: {
        ...baseOptions(colors),
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: axis(colors, { ticks: { color: colors.text, maxRotation: 0, autoSkipPadding: 12 } }),
          y: axis(colors, { beginAtZero: true }),
        },
      },
    }),
    [timeline, colors],
  );
  const names = timeline.series.map((line) => termName(line.term));
  return (
    <figure class="chart">
      <ul class="chart-legend" aria-hidden="true">
        {names.map((name, index) => (
          <li key={name}>
            <span class={`swatch swatch-${(index % 5) + 1}`} />
            {name}
          </li>
        ))}
      </ul>
      <div class="chart-box">
        <canvas
          ref={canvas}
          role="img"
          aria-label={`Line chart of occurrences per ${SIZE_WORDS[timeline.size]} of ${names.join(', ')}. The same figures are in the table that follows.`}
        />
      </div>
      <figcaption class="muted">
        Occurrences per {SIZE_WORDS[timeline.size]} of the {names.length} most frequent term
        {names.length === 1 ? '' : 's'}.
      </figcaption>
      <details class="chart-table">
        <summary>The chart’s figures as a table</summary>
        <table>
          <caption class="visually-hidden">Occurrences per {SIZE_WORDS[timeline.size]}</caption>
          <thead>
            <tr>
              <th scope="col">{timeline.size === 'day' ? 'Day' : timeline.size === 'week' ? 'Week' : 'Month'}</th>
              {names.map((name) => (
                <th key={name} scope="col">
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {labels.map((label, row) => (
              <tr key={timeline.starts[row]}>
                <th scope="row">{label}</th>
                {timeline.series.map((line) => (
                  <td key={line.term}>{(line.counts[row] ?? 0).toLocaleString()}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** The sites where terms appeared most, as horizontal bars; the sites table below is its text equivalent. */
export function SiteChart({ sites }: { sites: readonly CountedItem[] }) {
  const colors = useColors();
  const top = sites.slice(0, CHARTED_SITES);
  const canvas = useChart(
    () => ({
      type: 'bar',
      data: {
        labels: top.map((site) => site.name),
        datasets: [
          {
            label: 'Term occurrences',
            data: top.map((site) => site.occurrences),
            backgroundColor: colors.series[0],
            borderColor: colors.series[0],
            maxBarThickness: 24,
          },
        ],
      },
      options: {
        ...baseOptions(colors),
        indexAxis: 'y',
        scales: { x: axis(colors, { beginAtZero: true }), y: axis(colors, { grid: { display: false } }) },
      },
    }),
    [sites, colors],
  );
  return (
    <figure class="chart">
      <div class="chart-box">
        <canvas
          ref={canvas}
          role="img"
          aria-label={`Bar chart of term occurrences on the ${top.length} sites where terms appeared most: ${top
            .map((site) => `${site.name} ${site.occurrences.toLocaleString()}`)
            .join(', ')}. Every site is in the table that follows.`}
        />
      </div>
      <figcaption class="muted">
        Term occurrences on the {top.length} site{top.length === 1 ? '' : 's'} where terms appeared most.
      </figcaption>
    </figure>
  );
}
