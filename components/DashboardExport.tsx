import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  csvChunks,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportBlob,
  type ExportChoices,
  type ExportFormat,
  type ExportRequest,
  exportedVisits,
  exportFileName,
  hashSiteNames,
  jsonChunks,
  randomSalt,
} from '@/utils/research-log-export';
import type { SiteItem } from '@/utils/research-log-summary';
import type { VisitRecord } from '@/utils/research-log-visits';
import { SiteFinder, sitesMatching } from './SiteFinder';

/** Sites listed in the preview at once; a filter finds the others. */
const SITES_LISTED = 50;
/** Visits shown in the preview of the file. */
const PREVIEW_VISITS = 3;

/**
 * `set`, at most once a frame, with the latest value: the worker reports progress faster than the
 * page draws, and each report re-renders the export. `cancel` drops a value not yet set.
 */
function oncePerFrame<T>(set: (value: T) => void): { set(value: T): void; cancel(): void } {
  let frame: number | null = null;
  let latest: T;
  return {
    set(value) {
      latest = value;
      frame ??= requestAnimationFrame(() => {
        frame = null;
        set(latest);
      });
    },
    cancel() {
      if (frame !== null) cancelAnimationFrame(frame);
      frame = null;
    },
  };
}

export interface ExportServices {
  /** The period's first `count` visits, oldest first, of sites not dropped: the beginning of the file. */
  previewVisits(firstDay: string, dropped: ReadonlySet<string>, count: number): Promise<VisitRecord[]>;
  /**
   * The file, built off the page's thread as one Blob (100,000 visits never hold up the page);
   * `onProgress` gets the share done.
   */
  exportFile(request: ExportRequest, onProgress: (done: number) => void): Promise<ExportBlob>;
  save(fileName: string, file: Blob): void;
  now(): number;
}

/** The sites listed, each with a box to keep it in the file. */
function ExportSiteList({
  sites,
  dropped,
  toggle,
}: {
  sites: readonly SiteItem[];
  dropped: ReadonlySet<string>;
  toggle: (site: string, keep: boolean) => void;
}) {
  return (
    <ul class="export-site-list">
      {sites.map((site) => (
        <li key={site.name}>
          <label class="check">
            <input
              type="checkbox"
              checked={!dropped.has(site.name)}
              onChange={(event) => toggle(site.name, event.currentTarget.checked)}
            />
            {site.name} <span class="muted">({site.visits.toLocaleString()})</span>
          </label>
        </li>
      ))}
    </ul>
  );
}

/**
 * The export: a preview of the file, where sites can be left out or their names hashed, then the
 * file. What it will hold is counted from the sites' totals; only its first visits are read.
 */
export function DashboardExport({
  period,
  visitCount,
  sites,
  periodName,
  services,
}: {
  period: { firstDay: string; snapshot: number };
  visitCount: number;
  sites: readonly SiteItem[];
  periodName: string;
  services: ExportServices;
}) {
  const [open, setOpen] = useState(false);
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [dropped, setDropped] = useState<ReadonlySet<string>>(new Set());
  const [hashing, setHashing] = useState(false);
  const [salt, setSalt] = useState(randomSalt);
  const [hashes, setHashes] = useState<Map<string, string> | null>(null);
  const [siteFilter, setSiteFilter] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const [first, setFirst] = useState<VisitRecord[]>([]);
  const { firstDay, snapshot } = period;

  useEffect(() => {
    if (!open || !hashing) return setHashes(null);
    let current = true;
    void hashSiteNames(
      sites.map((site) => site.name),
      salt,
    ).then((map) => current && setHashes(map));
    return () => {
      current = false;
    };
  }, [open, hashing, salt, sites]);

  const choices: ExportChoices = { droppedSites: dropped, hashedSites: hashing ? hashes : null };
  const counts = useMemo(() => {
    let kept = 0;
    let rows = 0;
    for (const site of sites) {
      if (dropped.has(site.name)) continue;
      kept += site.visits;
      rows += site.rows;
    }
    return { visits: kept, rows };
  }, [sites, dropped]);

  // The file's first visits (read with `snapshot`, so a fresh reading of the log reads them again).
  useEffect(() => {
    if (!open || counts.visits === 0) return setFirst([]);
    let current = true;
    services.previewVisits(firstDay, dropped, PREVIEW_VISITS).then(
      (visits) => current && setFirst(visits),
      () => current && setFirst([]),
    );
    return () => {
      current = false;
    };
  }, [open, services, firstDay, snapshot, dropped, counts.visits]);

  const preview = useMemo(() => {
    if (!open) return '';
    const shown = { ...choices, hashedSites: hashing ? (hashes ?? new Map()) : null };
    const text =
      format === 'csv'
        ? [...csvChunks(exportedVisits(first, shown))].join('')
        : [
            ...jsonChunks(
              {
                format: EXPORT_FORMAT,
                version: EXPORT_VERSION,
                exportedAt: new Date(services.now()).toISOString(),
                sitesHashed: hashing,
                sitesDropped: dropped.size,
              },
              exportedVisits(first, shown),
            ),
          ].join('');
    return `${text.trimEnd()}${counts.visits > first.length ? '\n…' : ''}`;
  }, [open, first, dropped, format, hashing, hashes, counts.visits, services]);

  // The same element while only the progress changes: Preact skips it, where formatting each site's
  // count again took most of a render, and the worker reports progress about once a frame.
  const siteList = useMemo(() => {
    if (!open) return null;
    const toggle = (site: string, keep: boolean) => {
      const next = new Set(dropped);
      if (keep) next.delete(site);
      else next.add(site);
      setDropped(next);
    };
    return (
      <ExportSiteList
        sites={sitesMatching(sites, siteFilter).slice(0, SITES_LISTED)}
        dropped={dropped}
        toggle={toggle}
      />
    );
  }, [open, sites, siteFilter, dropped]);

  if (!open) {
    return (
      <p>
        <button type="button" class="export-open" onClick={() => setOpen(true)} disabled={visitCount === 0}>
          Export {periodName}…
        </button>
      </p>
    );
  }

  const save = async () => {
    setSaved(null);
    setFailed(false);
    setProgress(0);
    const progressing = oncePerFrame(setProgress);
    const now = services.now();
    try {
      const hashedSites = hashing
        ? await hashSiteNames(
            sites.map((site) => site.name),
            salt,
          )
        : null;
      const file = await services.exportFile(
        { format, firstDay, snapshot, choices: { droppedSites: dropped, hashedSites }, now },
        progressing.set,
      );
      const fileName = exportFileName(format, now);
      services.save(fileName, file.blob);
      setSaved(`${fileName} saved: ${file.visits.toLocaleString()} visit${file.visits === 1 ? '' : 's'}.`);
    } catch {
      setFailed(true);
    }
    progressing.cancel();
    setProgress(null);
  };

  return (
    <div class="export">
      <h3 id="export-preview-title">Before the file is saved</h3>
      <fieldset class="export-format">
        <legend>Format</legend>
        <label class="check">
          <input type="radio" name="export-format" checked={format === 'csv'} onChange={() => setFormat('csv')} />
          CSV: one row per page visit and term
        </label>
        <label class="check">
          <input type="radio" name="export-format" checked={format === 'json'} onChange={() => setFormat('json')} />
          JSON: one entry per page visit, with its terms
        </label>
      </fieldset>

      <fieldset class="export-sites">
        <legend>Sites in the file</legend>
        <p class="muted">Clear a site to leave it out.</p>
        {sites.length > SITES_LISTED && (
          <SiteFinder id="export-site-filter" value={siteFilter} onChange={setSiteFilter} />
        )}
        <p class="export-site-tools">
          <button type="button" onClick={() => setDropped(new Set())}>
            Include every site
          </button>{' '}
          <button type="button" onClick={() => setDropped(new Set(sites.map((site) => site.name)))}>
            Leave every site out
          </button>
        </p>
        {siteList}
      </fieldset>

      <fieldset class="export-hashing">
        <legend>Site names</legend>
        <label class="check">
          <input type="checkbox" checked={hashing} onChange={(event) => setHashing(event.currentTarget.checked)} />
          Replace site names with salted hashes (SHA-256); addresses and titles are then left out too
        </label>
        {hashing && (
          <p>
            <label for="export-salt">Salt</label>{' '}
            <input
              id="export-salt"
              type="text"
              class="salt"
              spellcheck={false}
              autocomplete="off"
              value={salt}
              aria-describedby="export-salt-hint"
              onInput={(event) => setSalt(event.currentTarget.value)}
            />
            <span id="export-salt-hint" class="muted">
              {' '}
              A new random salt for each export, not written in the file. Keep it, or paste an earlier one, to match
              sites across exports.
            </span>
          </p>
        )}
      </fieldset>

      <p role="status">
        The file will hold {counts.visits.toLocaleString()} visit{counts.visits === 1 ? '' : 's'}
        {format === 'csv' ? ` in ${counts.rows.toLocaleString()} rows` : ''} from{' '}
        {(sites.length - dropped.size).toLocaleString()} of {sites.length.toLocaleString()} sites.
      </p>
      <figure class="export-preview">
        <figcaption class="muted">How the file begins</figcaption>
        {/* Focusable: a scrolled box must be reachable by keyboard. */}
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: see above */}
        <pre tabIndex={0}>{preview}</pre>
      </figure>
      <p class="export-actions">
        <button
          type="button"
          class="primary export-save"
          disabled={progress !== null || counts.visits === 0}
          onClick={() => void save()}
        >
          Save the {format.toUpperCase()} file
        </button>{' '}
        <button type="button" onClick={() => setOpen(false)} disabled={progress !== null}>
          Close
        </button>
      </p>
      {progress !== null && (
        <p role="status">
          <label for="export-progress">Preparing the file</label>{' '}
          <progress id="export-progress" max={1} value={progress} />
        </p>
      )}
      {saved && (
        <p class="form-done" role="status">
          {saved}
        </p>
      )}
      {failed && (
        <p class="form-error" role="alert">
          The file could not be made. Try again.
        </p>
      )}
    </div>
  );
}
