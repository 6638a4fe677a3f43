import { HELP_ELSEWHERE, HELP_FIND_ONE, HELP_NOW_LEAD, HELP_NOW_TITLE } from '@/content/health-notices';
import { helpLineData } from '@/content/help-lines';
import { chooseHelp, contactLinks, NEW_TAB_LINK } from '@/utils/help-line-choice';
import type { Settings } from '@/utils/preferences';
import './help-now.css';

export interface HelpNowProps {
  /** null while the settings load; nothing is shown until they say help lines are on. */
  settings: Settings | null;
  /** The browser's UI language ('en-US'), whose region is the country unless the options name one. */
  uiLanguage: string;
  onOpenOptions?: () => void;
}

/**
 * The popup's one-line "Need help now?": opened, the help line for the reader's country and the
 * international directory. Calm, and nothing at all while help lines are switched off. No link
 * loads anything until the reader follows it.
 */
export function HelpNow({ settings, uiLanguage, onOpenOptions }: HelpNowProps) {
  if (!settings?.helpLines) return null;
  const { line, directory } = chooseHelp(helpLineData, settings.helpCountry, uiLanguage);
  return (
    <details class="help-now">
      <summary>{HELP_NOW_TITLE}</summary>
      <div class="help-now-body">
        <p>{HELP_NOW_LEAD}</p>
        {line && (
          <div class="help-line">
            <p class="help-line-name">
              <a href={line.website} {...NEW_TAB_LINK}>
                {line.service}
              </a>{' '}
              <span class="muted">{line.countryName}</span>
            </p>
            <ul class="help-contacts">
              {contactLinks(line).map((link) => (
                <li key={link.href}>
                  <a href={link.href} {...(link.method === 'chat' ? NEW_TAB_LINK : {})}>
                    {link.label}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        )}
        <p class="help-directory">
          <a href={directory.website} {...NEW_TAB_LINK}>
            {line ? HELP_ELSEWHERE : HELP_FIND_ONE}
          </a>{' '}
          <span class="muted">{directory.service}</span>
        </p>
        {onOpenOptions && (
          <p class="muted">
            <button type="button" class="link" onClick={onOpenOptions}>
              Change the country, or turn this off
            </button>
          </p>
        )}
      </div>
    </details>
  );
}
