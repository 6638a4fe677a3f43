import type { HelpContact, HelpDirectory, HelpLine, HelpLineData } from '@/content/help-line-schema';

/** The help a reader is pointed to: their country's line when there is one, and always the directory. */
export interface HelpChoice {
  /** null when the country is unknown or has no entry: then only the directory, never another country's number. */
  line: HelpLine | null;
  directory: HelpDirectory;
}

/** The options' "somewhere else": CLDR's code for an unknown region, which never has a line. */
export const ELSEWHERE = 'ZZ';

/**
 * The region of a BCP 47 language tag, as the browser's UI language gives it: 'en-US' → 'US',
 * 'en_GB' → 'GB' (older Chromium spelling), 'zh-Hant-TW' → 'TW'. null for a tag with no region
 * ('fr'), a numeric one ('es-419': Latin America is no country) or no tag at all.
 */
export function regionOfLanguage(tag: string): string | null {
  let region: string | undefined;
  try {
    region = new Intl.Locale(tag.trim().replaceAll('_', '-')).region;
  } catch {
    return null;
  }
  return region !== undefined && /^[A-Z]{2}$/u.test(region) ? region : null;
}

/** The country whose help line applies: the one chosen in the options, or the UI language's region for 'auto'. */
export function helpCountryFor(helpCountry: string, uiLanguage: string): string | null {
  return helpCountry === 'auto' ? regionOfLanguage(uiLanguage) : helpCountry;
}

/** The help for a reader with these settings and this browser UI language. */
export function chooseHelp(data: HelpLineData, helpCountry: string, uiLanguage: string): HelpChoice {
  const country = helpCountryFor(helpCountry, uiLanguage);
  return { line: data.lines.find((line) => line.country === country) ?? null, directory: data.directory };
}

export interface ContactLink {
  method: HelpContact['method'];
  /** "Call 116 123", "Text 988", "Chat online". */
  label: string;
  /** tel:, sms: or the service's chat page: opened only when the reader follows it. */
  href: string;
}

/** How to reach a line, as links: numbers dial as written without their spaces (RFC 3966, RFC 5724). */
export function contactLinks(line: HelpLine): ContactLink[] {
  const dialled = (number: string) => number.replaceAll(' ', '');
  return line.contacts.map((contact): ContactLink => {
    if (contact.method === 'chat') return { method: 'chat', label: 'Chat online', href: contact.url };
    if (contact.method === 'text') {
      return { method: 'text', label: `Text ${contact.number}`, href: `sms:${dialled(contact.number)}` };
    }
    return { method: 'call', label: `Call ${contact.number}`, href: `tel:${dialled(contact.number)}` };
  });
}

/** How a link to a service's or the directory's site opens: a tab of its own, told nothing of where it came from. */
export const NEW_TAB_LINK = { target: '_blank', rel: 'noopener noreferrer' } as const;

/** Entries are checked again within a year: a help line's number or hours can change. */
export const RECHECK_AFTER_DAYS = 365;

export interface StaleEntry {
  /** "Samaritans (GB)", or the directory's name. */
  name: string;
  checked: string;
  daysAgo: number;
}

/** The entries (the directory included) last checked more than `maxAgeDays` before `today` (YYYY-MM-DD). */
export function staleHelpEntries(data: HelpLineData, today: string, maxAgeDays = RECHECK_AFTER_DAYS): StaleEntry[] {
  const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
  const entries = [
    { name: data.directory.service, checked: data.directory.checked },
    ...data.lines.map((line) => ({ name: `${line.service} (${line.country})`, checked: line.checked })),
  ];
  return entries
    .map((entry) => ({ ...entry, daysAgo: Math.round(dayOf(today) - dayOf(entry.checked)) }))
    .filter((entry) => entry.daysAgo > maxAgeDays);
}
