import { helpLineData } from '@/content/help-lines';
import { chooseHelp, contactLinks, ELSEWHERE, regionOfLanguage } from '@/utils/help-line-choice';
import type { Settings } from '@/utils/preferences';

export interface HelpLineSettingsProps {
  settings: Settings;
  /** The browser's UI language ('en-US'): its region is the country while the choice is automatic. */
  uiLanguage: string;
  onChange: (change: (current: Settings) => Settings) => void;
}

/** A region's name in English ('FR' → 'France'); the code itself where the browser has no name for it. */
function countryName(code: string): string {
  const entry = helpLineData.lines.find((line) => line.country === code);
  if (entry) return entry.countryName;
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** What the cards and the popup point to with these settings, in one sentence. */
function pointsTo(settings: Settings, uiLanguage: string): string {
  if (!settings.helpLines) return 'Cards and the popup show no help lines.';
  const { line, directory } = chooseHelp(helpLineData, settings.helpCountry, uiLanguage);
  if (!line) return `Cards and the popup point to ${directory.service}, which lists helplines in many countries.`;
  const how = contactLinks(line)
    .map((link) => link.label.toLowerCase())
    .join(', ');
  return `Cards and the popup point to ${line.service} (${how}) and to ${directory.service} for other countries.`;
}

/** The options' "Help lines" section: on or off, and whose country's line. */
export function HelpLineSettings({ settings, uiLanguage, onChange }: HelpLineSettingsProps) {
  const region = regionOfLanguage(uiLanguage);
  const automatic = region ? `Automatic: ${countryName(region)}, from your browser's language` : 'Automatic';
  const listed = new Set([...helpLineData.lines.map((line) => line.country), 'auto', ELSEWHERE]);
  // A country chosen on another computer, or in an imported file, that has no line here (yet).
  const other = listed.has(settings.helpCountry) ? null : settings.helpCountry;
  return (
    <section aria-labelledby="help-lines-title">
      <h2 id="help-lines-title">Help lines</h2>
      <p class="muted">
        Cards about conditions such as depression end with a pointer to a help line, and the toolbar popup has a "Need
        help now?" entry.
      </p>
      <label class="check">
        <input
          type="checkbox"
          checked={settings.helpLines}
          onChange={(event) => {
            const helpLines = event.currentTarget.checked;
            onChange((current) => ({ ...current, helpLines }));
          }}
        />
        Show help lines in cards and the popup
      </label>
      <p class="help-country">
        <label for="help-country">Country</label>{' '}
        <select
          id="help-country"
          value={settings.helpCountry}
          disabled={!settings.helpLines}
          onChange={(event) => {
            const helpCountry = event.currentTarget.value;
            onChange((current) => ({ ...current, helpCountry }));
          }}
        >
          <option value="auto">{automatic}</option>
          {helpLineData.lines.map((line) => (
            <option key={line.country} value={line.country}>
              {line.countryName}
            </option>
          ))}
          {other && <option value={other}>{countryName(other)}</option>}
          <option value={ELSEWHERE}>Somewhere else</option>
        </select>
      </p>
      <p class="muted help-points-to">{pointsTo(settings, uiLanguage)}</p>
    </section>
  );
}
