import { useEffect, useState } from 'preact/hooks';
import type { PageState } from '@/extension/messages';
import type { Settings } from '@/utils/preferences';
import { ruleReach } from '@/utils/rule-text';
import { siteDomainOf } from '@/utils/site-domain';
import { decideForAddress, type PageAddress, ruleKey } from '@/utils/site-rules';
import { defaultScopeChoice, type ScopeChoice, scopeChoices } from '@/utils/site-switch-rules';
import './site-switch.css';

export interface SiteSwitchProps {
  /** null while loading; `site: null` for pages the extension cannot run on. */
  page: PageState | null;
  /** null while loading. */
  settings: Settings | null;
  /** Saves the switch; a promise that rejects (nothing was saved) puts the switch back. */
  onSwitch: (address: PageAddress, choice: ScopeChoice, enabled: boolean) => Promise<unknown> | undefined;
  onOpenOptions?: () => void;
}

const CHOICE_NAMES: Record<ScopeChoice['kind'], string> = {
  site: 'This site',
  host: 'This host',
  path: 'This path',
  rule: 'The rule that applies',
};

/**
 * Highlighting on or off for the current tab: which rule (or the global mode) decides it, where a
 * switch applies (the site, the host, the path), and how many terms the page shows.
 */
export function SiteSwitch({ page, settings, onSwitch, onOpenOptions }: SiteSwitchProps) {
  const [picked, setPicked] = useState<string | null>(null);
  // A different page or a new deciding rule: start again from the default choice.
  useEffect(() => setPicked(null), [page?.site, page?.path]);
  // The switch answers the click at once; the stored settings take over as soon as they change.
  // Not the page's state, which the popup asks for every second: Firefox's storage.sync can take
  // longer than that to report the write, and the switch would show the old state in between.
  const [clicked, setClicked] = useState<boolean | null>(null);
  useEffect(() => setClicked(null), [settings, page?.site, page?.path]);

  if (page === null || settings === null) return <p class="site-switch muted">Looking at this page…</p>;
  const { site } = page;
  if (site === null) return <p class="site-switch muted">Highlighting is not available on this page.</p>;

  const address: PageAddress = { host: site, path: page.path };
  const decision = decideForAddress(address, settings.mode, settings.rules);
  const deciding = decision.reason === 'rule' ? decision.rule : null;
  const choices = scopeChoices(address, siteDomainOf(site), deciding);
  const fallback = defaultScopeChoice(choices, deciding);
  const choice = choices.find((candidate) => ruleKey(candidate) === picked) ?? fallback;
  // Settings say it at once; only "if it is about mental health" needs the page's answer.
  const shown = decision.verdict === 'on' || (decision.verdict === 'if-relevant' && page.relevant === true);
  const total = Object.values(page.termCounts).reduce((sum, count) => sum + count, 0);

  let why: string;
  if (deciding) why = `Your rule for ${ruleReach(deciding)} turns it ${deciding.enabled ? 'on' : 'off'}.`;
  else if (settings.mode === 'everywhere') why = 'No rule here: highlighting everywhere.';
  else if (settings.mode === 'chosen-sites') why = 'No rule here: highlighting only on sites you choose.';
  else why = 'No rule here: highlighting only on pages about mental health.';

  let status: string;
  if (shown) status = `${total} highlighted ${total === 1 ? 'term' : 'terms'} on this page`;
  // A path rule turns off only part of the site: say so, as the switch's own label names the site.
  else if (deciding) status = deciding.scope === 'path' ? 'Off for this part of the site' : 'Off for this site';
  else if (decision.verdict === 'off') status = 'Off: not one of your sites';
  else if (page.relevant === false) status = 'Not shown: this page does not look like it is about mental health';
  else status = 'Shown once this page proves to be about mental health';

  return (
    <div class="site-switch">
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          aria-checked={clicked ?? shown}
          checked={clicked ?? shown}
          onChange={(event) => {
            const enabled = event.currentTarget.checked;
            setClicked(enabled);
            // Settings that did not change will not reset the click: show the stored state again.
            void onSwitch(address, choice, enabled)?.catch(() => setClicked(null));
          }}
        />
        <span>
          Highlight terms on <strong>{site}</strong>
        </span>
      </label>
      <div class="site-scope">
        <span id="site-scope-label">Switch applies to</span>
        <select
          aria-labelledby="site-scope-label"
          value={ruleKey(choice)}
          onChange={(event) => setPicked(event.currentTarget.value)}
        >
          {choices.map((candidate) => (
            <option key={ruleKey(candidate)} value={ruleKey(candidate)}>
              {`${CHOICE_NAMES[candidate.kind]} (${candidate.kind === 'site' ? ruleReach(candidate) : candidate.pattern})`}
            </option>
          ))}
        </select>
      </div>
      <p class="muted site-why">{why}</p>
      <p class="muted site-status" aria-live="polite">
        {status}
      </p>
      {onOpenOptions && (
        <button type="button" class="link" onClick={onOpenOptions}>
          All rules and settings
        </button>
      )}
    </div>
  );
}
