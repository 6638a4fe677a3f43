import type { PageState } from '@/extension/messages';

export interface SiteSwitchProps {
  /** null while loading; `site: null` for pages the extension cannot run on. */
  page: PageState | null;
  onToggle: (site: string, enabled: boolean) => void;
}

/** Highlighting on or off for the site of the current tab. */
export function SiteSwitch({ page, onToggle }: SiteSwitchProps) {
  if (page === null) return <p class="site-switch muted">Looking at this page…</p>;
  const { site, enabled } = page;
  if (site === null) return <p class="site-switch muted">Highlighting is not available on this page.</p>;
  const total = Object.values(page.termCounts).reduce((sum, count) => sum + count, 0);
  return (
    <div class="site-switch">
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          aria-checked={enabled}
          checked={enabled}
          onChange={(event) => onToggle(site, event.currentTarget.checked)}
        />
        <span>
          Highlight terms on <strong>{site}</strong>
        </span>
      </label>
      <p class="muted" aria-live="polite">
        {enabled ? `${total} highlighted ${total === 1 ? 'term' : 'terms'} on this page` : 'Off for this site'}
      </p>
    </div>
  );
}
