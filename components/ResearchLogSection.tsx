import { useEffect, useState } from 'preact/hooks';
import {
  LOG_DETAILS,
  LOG_RETENTIONS,
  type LogDetail,
  type LogRetention,
  type LogSettings,
  type LogStatus,
  parseNeverLog,
  switchLog,
} from '@/utils/research-log-settings';
import { ResearchLogStatusNotice } from './ResearchLogStatusNotice';
import './research-log.css';

/** What the options page's research-log section needs from the browser, passed in so it can be tested without one. */
export interface ResearchLogServices {
  loadSettings(): Promise<LogSettings>;
  watchSettings(onChange: (settings: LogSettings) => void): () => void;
  /** Applies `change` to the stored settings; resolves with what was saved. */
  updateSettings(change: (current: LogSettings) => LogSettings): Promise<LogSettings>;
  loadStatus(): Promise<LogStatus>;
  watchStatus(onChange: (status: LogStatus) => void): () => void;
  /** false where the browser keeps no database for the extension (some private windows). */
  databaseWorks(): Promise<boolean>;
  now(): number;
  /** The dashboard's address. */
  dashboardUrl: string;
}

export const DETAIL_NAMES: Readonly<Record<LogDetail, string>> = {
  site: 'The site only',
  'site-path': 'The site and the page’s path',
  full: 'The full address and the page’s title',
};

const DETAIL_HINTS: Readonly<Record<LogDetail, string>> = {
  site: 'For example nhs.uk.',
  'site-path': 'For example nhs.uk and /mental-health/conditions/depression/. Not what follows a "?" in an address.',
  full: 'The whole address, and the title the page gives itself.',
};

export const retentionName = (days: LogRetention) => (days === null ? 'Until I clear them' : `${days} days`);

/** The options page's "Research log" section: opt-in, what is recorded, for how long, and where it is not. */
export function ResearchLogSection({ services }: { services: ResearchLogServices }) {
  const [settings, setSettings] = useState<LogSettings | null>(null);
  const [status, setStatus] = useState<LogStatus | null>(null);
  const [works, setWorks] = useState<boolean | null>(null);
  const [neverText, setNeverText] = useState<string | null>(null);
  const [rejected, setRejected] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void services.loadSettings().then(setSettings);
    void services.loadStatus().then(setStatus);
    void services.databaseWorks().then(setWorks, () => setWorks(false));
    const unwatchSettings = services.watchSettings(setSettings);
    const unwatchStatus = services.watchStatus(setStatus);
    return () => {
      unwatchSettings();
      unwatchStatus();
    };
  }, [services]);

  if (settings === null) {
    return (
      <section aria-labelledby="research-log-title" class="research-log">
        <h2 id="research-log-title">Research log</h2>
        <p class="muted">Loading…</p>
      </section>
    );
  }

  const update = (change: (current: LogSettings) => LogSettings) =>
    services.updateSettings(change).then(
      (saved) => {
        setSettings(saved);
        setError(null);
      },
      () => setError('The research log’s settings could not be saved; nothing changed.'),
    );
  const unavailable = works === false;
  const saveNeverLog = () => {
    if (neverText === null) return;
    const { sites, rejected: bad } = parseNeverLog(neverText);
    setRejected(bad);
    setNeverText(bad.length > 0 ? neverText : null);
    void update((current) => ({ ...current, neverLog: sites }));
  };

  return (
    <section aria-labelledby="research-log-title" class="research-log">
      <h2 id="research-log-title">Research log</h2>
      <p>
        Off until you turn it on. While it is on, this browser keeps a log of the pages where terms appear:{' '}
        <strong>the time, the site, and how often each term appeared</strong>. The page’s path and its title are kept
        only if you choose so below. <strong>The page’s text is never kept.</strong>
      </p>
      <p class="muted">
        The log and these settings stay on this device: they are not synced to your other computers and not in the
        settings file. Pages you read before turning it on are not in it. Turning it off stops it at once; what it kept
        stays until you delete it on the dashboard.
      </p>
      {unavailable && (
        <p class="form-error" role="alert">
          This browser does not let the extension keep a database here (some private windows do not), so the research
          log stays off.
        </p>
      )}
      <ResearchLogStatusNotice status={status} />
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <label class="check">
        <input
          type="checkbox"
          id="research-log-enabled"
          checked={settings.enabled && !unavailable}
          disabled={unavailable || works === null}
          onChange={(event) => {
            const enabled = event.currentTarget.checked;
            void update((current) => switchLog(current, enabled, services.now()));
          }}
        />
        Keep a research log on this device
      </label>

      <fieldset class="research-log-detail">
        <legend>What to record</legend>
        {LOG_DETAILS.map((detail) => (
          <label key={detail} class="mode">
            <input
              type="radio"
              name="research-log-detail"
              value={detail}
              checked={settings.detail === detail}
              onChange={() => void update((current) => ({ ...current, detail }))}
            />
            <span>
              <strong>{DETAIL_NAMES[detail]}</strong>
              <span class="muted">{DETAIL_HINTS[detail]}</span>
            </span>
          </label>
        ))}
      </fieldset>

      <label class="check">
        <input
          type="checkbox"
          id="research-log-unhighlighted"
          checked={settings.includeUnhighlighted}
          onChange={(event) => {
            const includeUnhighlighted = event.currentTarget.checked;
            void update((current) => ({ ...current, includeUnhighlighted }));
          }}
        />
        Also record pages where highlighting is off (their terms are counted, not shown; sites you switched off are
        never read)
      </label>

      <p>
        <label for="research-log-retention">Keep entries for</label>{' '}
        <select
          id="research-log-retention"
          value={String(settings.retentionDays)}
          onChange={(event) => {
            const value = event.currentTarget.value;
            // null ("until I clear them") is a choice too: found by position, not by value.
            const index = LOG_RETENTIONS.findIndex((days) => String(days) === value);
            if (index < 0) return;
            const retentionDays = LOG_RETENTIONS[index] ?? null;
            void update((current) => ({ ...current, retentionDays }));
          }}
        >
          {LOG_RETENTIONS.map((days) => (
            <option key={String(days)} value={String(days)}>
              {retentionName(days)}
            </option>
          ))}
        </select>
      </p>

      <p class="research-log-never">
        <label for="research-log-never">Sites never to log, one a line (their subdomains too)</label>
        <textarea
          id="research-log-never"
          rows={3}
          spellcheck={false}
          autocomplete="off"
          placeholder="example.org"
          aria-describedby={rejected.length > 0 ? 'research-log-never-error' : undefined}
          value={neverText ?? settings.neverLog.join('\n')}
          onInput={(event) => setNeverText(event.currentTarget.value)}
          onBlur={saveNeverLog}
        />
      </p>
      {rejected.length > 0 && (
        <p id="research-log-never-error" class="form-error" role="alert">
          Not a site name, so not saved: {rejected.join(', ')}
        </p>
      )}

      <p>
        <a href={services.dashboardUrl} target="_blank" rel="noopener">
          Open the research log dashboard
        </a>
      </p>
    </section>
  );
}
