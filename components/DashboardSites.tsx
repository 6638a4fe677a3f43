import { useState } from 'preact/hooks';
import type { CountedItem } from '@/utils/research-log-summary';
import { SiteFinder, sitesMatching } from './SiteFinder';

/** Sites listed at once; a filter finds the others. */
const SITES_SHOWN = 100;

/**
 * Every site of the period with its visits and term occurrences (the site chart's text equivalent),
 * and a way to delete a site's entries: asked once, then done at once and for good.
 */
export function DashboardSites({
  sites,
  onErase,
}: {
  sites: readonly CountedItem[];
  onErase: (site: string) => Promise<void>;
}) {
  const [asking, setAsking] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const matching = sitesMatching(sites, filter);
  const shown = matching.slice(0, SITES_SHOWN);

  return (
    <div class="sites">
      {sites.length > SITES_SHOWN && (
        <SiteFinder id="sites-filter" value={filter} onChange={setFilter}>
          {' '}
          <span class="muted">
            {Math.min(matching.length, SITES_SHOWN).toLocaleString()} of {matching.length.toLocaleString()} shown
          </span>
        </SiteFinder>
      )}
      <div class="table-scroll">
        <table class="data-table sites-table">
          <caption class="visually-hidden">Sites with logged visits, most term occurrences first</caption>
          <thead>
            <tr>
              <th scope="col">Site</th>
              <th scope="col" class="number">
                Visits
              </th>
              <th scope="col" class="number">
                Occurrences
              </th>
              <th scope="col">
                <span class="visually-hidden">Delete</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((site) => (
              <tr key={site.name}>
                <th scope="row" class="site-name">
                  {site.name}
                </th>
                <td class="number">{site.visits.toLocaleString()}</td>
                <td class="number">{site.occurrences.toLocaleString()}</td>
                <td class="actions">
                  {asking === site.name ? (
                    <span class="confirm">
                      <span>Delete every entry of {site.name}, for good?</span>{' '}
                      <button
                        type="button"
                        class="danger"
                        onClick={() => {
                          setAsking(null);
                          void onErase(site.name);
                        }}
                      >
                        Delete {site.name}
                      </button>{' '}
                      <button type="button" onClick={() => setAsking(null)}>
                        Keep
                      </button>
                    </span>
                  ) : (
                    <button type="button" onClick={() => setAsking(site.name)}>
                      Delete<span class="visually-hidden"> {site.name}</span>…
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
