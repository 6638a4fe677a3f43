import * as v from 'valibot';

/*
 * What a help-line file must hold. Facts from outside the article come only from the service's own
 * official pages: every entry names the pages it was checked against and the day it was checked.
 * The file is checked at build time (wxt.config.ts), so a file that fails here fails the build and
 * never reaches a page; tests/unit/help-lines.test.ts checks the same and more.
 */

const httpsAddress = (what: string) =>
  v.pipe(
    v.string(`${what} must be text`),
    v.url(`${what} must be a web address`),
    v.startsWith('https://', `${what} must start with https://`),
  );

/** A number as the service prints it: digits, spaces between groups, an optional leading "+". */
const phoneNumber = v.pipe(
  v.string('number must be text'),
  v.regex(/^\+?\d[\d ]*\d$|^\d$/u, 'number must be digits, with spaces between groups'),
);

const contactSchema = v.variant(
  'method',
  [
    v.object({ method: v.literal('call'), number: phoneNumber }),
    v.object({ method: v.literal('text'), number: phoneNumber }),
    v.object({ method: v.literal('chat'), url: httpsAddress('url') }),
  ],
  'method must be "call", "text" or "chat"',
);

/** Whether a YYYY-MM-DD date exists (no 31 February): it reads back as itself. */
function isCalendarDay(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === date;
}

const nonEmpty = (what: string) => v.pipe(v.string(`${what} must be text`), v.trim(), v.nonEmpty(`${what} is empty`));

/** Where an entry was checked and when: at least one official page, and a real calendar day. */
const provenance = {
  sources: v.pipe(
    v.array(httpsAddress('source'), 'sources must be a list of web addresses'),
    v.nonEmpty('sources must name at least one official page the entry was checked against'),
  ),
  checked: v.pipe(
    v.string('checked must be the date the entry was checked (YYYY-MM-DD)'),
    v.isoDate('checked must be a date written YYYY-MM-DD'),
    v.check((date) => isCalendarDay(date), 'checked must be a real date'),
  ),
};

const directorySchema = v.strictObject({
  service: nonEmpty('service'),
  website: httpsAddress('website'),
  ...provenance,
});

const lineSchema = v.strictObject({
  /** ISO 3166-1 alpha-2; ZZ ("unknown region") is the options' "somewhere else" and never has a line. */
  country: v.pipe(
    v.string('country must be text'),
    v.regex(/^[A-Z]{2}$/u, 'country must be a two-letter code such as "GB"'),
    v.notValue('ZZ', 'country ZZ means "somewhere else" and cannot have a help line'),
  ),
  countryName: nonEmpty('countryName'),
  service: nonEmpty('service'),
  contacts: v.pipe(
    v.array(contactSchema, 'contacts must be a list'),
    v.nonEmpty('contacts must say how to reach the service'),
  ),
  website: httpsAddress('website'),
  ...provenance,
});

const fileSchema = v.strictObject({
  directory: directorySchema,
  lines: v.pipe(
    v.array(lineSchema, 'lines must be a list'),
    v.check(
      (lines) => new Set(lines.map((line) => line.country)).size === lines.length,
      'lines must have at most one entry per country',
    ),
  ),
});

export type HelpContact = v.InferOutput<typeof contactSchema>;
export type HelpContactMethod = HelpContact['method'];
export type HelpDirectory = v.InferOutput<typeof directorySchema>;
export type HelpLine = v.InferOutput<typeof lineSchema>;
export type HelpLineData = v.InferOutput<typeof fileSchema>;

/** The help lines in `data`, or an error that names the file and every problem by where it is. */
export function parseHelpLineData(data: unknown, file: string): HelpLineData {
  const result = v.safeParse(fileSchema, data);
  if (result.success) return result.output;
  const problems = result.issues.map((issue) => {
    const where = v.getDotPath(issue);
    return `  ${where ?? '(the file)'}: ${issue.input === undefined ? 'is missing' : issue.message}`;
  });
  throw new Error(`${file} is not a valid help-line file:\n${problems.join('\n')}`);
}
