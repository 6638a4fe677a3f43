import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  buildExport,
  CSV_COLUMNS,
  csvChunks,
  csvField,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportChoices,
  exportedVisits,
  exportFileName,
  hashSiteName,
  hashSiteNames,
  jsonChunks,
  randomSalt,
} from '@/utils/research-log-export';
import type { VisitRecord } from '@/utils/research-log-visits';

const visit = (change: Partial<VisitRecord>): VisitRecord => ({
  key: 'k',
  startedAt: Date.UTC(2026, 11, 3, 9, 30),
  updatedAt: 0,
  site: 'news.org',
  highlighted: true,
  terms: { ssri: 2 },
  total: 2,
  ...change,
});

const keep: ExportChoices = { droppedSites: new Set(), hashedSites: null };

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF inside quotes) with a reader of its own, not ours. */
function parseCsv(text: string): string[][] {
  expect(text.endsWith('\r\n'), 'the file ends with CRLF').toBe(true);
  return parse(text, { record_delimiter: '\r\n' });
}

describe('csvField (RFC 4180)', () => {
  it.each<[string | number | boolean | undefined, string]>([
    ['plain', 'plain'],
    ['', ''],
    [undefined, ''],
    [3, '3'],
    [true, 'true'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['"', '""""'],
    ['line\nbreak', '"line\nbreak"'],
    ['cr\rlf', '"cr\rlf"'],
    ['crlf\r\n', '"crlf\r\n"'],
    [' spaces kept ', ' spaces kept '],
    ['Ünïcødé ✓', 'Ünïcødé ✓'],
  ])('%j → %j', (value, expected) => expect(csvField(value)).toBe(expected));
});

describe('CSV export', () => {
  it('one row per visit and term, terms in order, ISO times, CRLF line ends, the header first', () => {
    const text = [
      ...csvChunks(
        exportedVisits(
          [
            visit({ terms: { ssri: 2, anxiety: 1 } }),
            visit({
              startedAt: Date.UTC(2026, 11, 4),
              site: 'b.org',
              path: '/x,y',
              url: 'https://b.org/x,y?q="1"',
              title: 'A "quoted", title\nwith a break',
              highlighted: false,
              terms: { ketamine: 10000 },
            }),
          ],
          keep,
        ),
      ),
    ].join('');
    expect(parseCsv(text)).toEqual([
      CSV_COLUMNS,
      ['1', '2026-12-03T09:30:00.000Z', 'news.org', '', '', '', 'true', 'anxiety', '1'],
      ['1', '2026-12-03T09:30:00.000Z', 'news.org', '', '', '', 'true', 'ssri', '2'],
      [
        '2',
        '2026-12-04T00:00:00.000Z',
        'b.org',
        '/x,y',
        'https://b.org/x,y?q="1"',
        'A "quoted", title\nwith a break',
        'false',
        'ketamine',
        '10000',
      ],
    ]);
    expect(text.startsWith('visit,started_at,site,path,url,title,highlighted,term,count\r\n')).toBe(true);
  });

  it('an empty log is the header alone', () => {
    expect([...csvChunks(exportedVisits([], keep))].join('')).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
  });

  it('comes in chunks of whole visits', () => {
    const visits = Array.from({ length: 5 }, (_, i) => visit({ startedAt: i * 1000 }));
    const chunks = [...csvChunks(exportedVisits(visits, keep), 2)];
    expect(chunks).toHaveLength(4); // header, 2, 2, 1
    expect(parseCsv(chunks.join(''))).toHaveLength(6);
  });
});

describe('JSON export', () => {
  const head = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: '2026-12-05T00:00:00.000Z',
    sitesHashed: false,
    sitesDropped: 0,
  } as const;

  it.each([0, 1, 3, 5])('%i visits make valid JSON of the documented shape, in any chunking', (count) => {
    const visits = Array.from({ length: count }, (_, i) =>
      visit({ startedAt: Date.UTC(2026, 0, 1 + i), path: `/p${i}` }),
    );
    const text = [...jsonChunks(head, exportedVisits(visits, keep), 2)].join('');
    const parsed = JSON.parse(text);
    expect(Object.keys(parsed)).toEqual(['format', 'version', 'exportedAt', 'sitesHashed', 'sitesDropped', 'visits']);
    expect(parsed).toMatchObject(head);
    expect(parsed.visits).toHaveLength(count);
    if (count > 0) {
      expect(parsed.visits[0]).toEqual({
        visit: 1,
        startedAt: '2026-01-01T00:00:00.000Z',
        site: 'news.org',
        path: '/p0',
        highlighted: true,
        terms: { ssri: 2 },
      });
    }
  });
});

describe('the preview choices: dropped sites and hashed names', () => {
  const visits = [
    visit({ site: 'a.org', url: 'https://a.org/x', title: 'About a', path: '/x' }),
    visit({ site: 'b.org' }),
    visit({ site: 'a.org' }),
    visit({ site: 'c.org' }),
  ];

  it('drops the chosen sites and numbers the rest from 1', () => {
    const kept = [...exportedVisits(visits, { droppedSites: new Set(['a.org']), hashedSites: null })];
    expect(kept.map((v) => [v.visit, v.site])).toEqual([
      [1, 'b.org'],
      [2, 'c.org'],
    ]);
  });

  it('hashes site names and leaves out addresses and titles, which name the site', async () => {
    const hashedSites = await hashSiteNames(['a.org', 'b.org', 'c.org'], 'salt');
    const [first] = [...exportedVisits(visits, { droppedSites: new Set(), hashedSites })];
    expect(first).toEqual({
      visit: 1,
      startedAt: '2026-12-03T09:30:00.000Z',
      site: hashedSites.get('a.org'),
      path: '/x',
      highlighted: true,
      terms: { ssri: 2 },
    });
  });

  it.each<[string, string, string]>([
    // Worked out independently: printf 'salt:a.org' | sha256sum
    ['a.org', 'salt', 'f6d254ebed417f539324cbbc5fde1a5a1cd0abdf4ba5039ea6f1c6a0066bda67'],
    ['a.org', '', '6f2100bc8e9cc87e8d24e26c319cd69971ef1e078fe8045ebe0c5f6ea3d25fc6'],
    ['127.0.0.1', 'x', '666b90e740e0ac514aac33c17f4a8f6ff2e38085d033e50410d382ae1f410a59'],
  ])('hashSiteName(%j, %j) is SHA-256 of "salt:site" in hex', async (site, salt, expected) => {
    expect(await hashSiteName(site, salt)).toBe(expected);
  });

  it('the same salt gives the same hashes; another salt others', async () => {
    const one = await hashSiteNames(['a.org', 'b.org', 'a.org'], 'one');
    expect(one.size).toBe(2);
    expect(await hashSiteNames(['a.org'], 'one')).toEqual(new Map([['a.org', one.get('a.org')]]));
    expect((await hashSiteNames(['a.org'], 'two')).get('a.org')).not.toBe(one.get('a.org'));
    expect(one.get('a.org')).not.toBe(one.get('b.org'));
  });

  it('a fresh salt is 16 random bytes in hex', () => {
    const salts = new Set(Array.from({ length: 20 }, randomSalt));
    expect(salts.size).toBe(20);
    for (const salt of salts) expect(salt).toMatch(/^[0-9a-f]{32}$/u);
  });

  it('names files by format and local date', () => {
    expect(exportFileName('csv', new Date(2026, 11, 3, 23, 59).getTime())).toBe('research-log-2026-12-03.csv');
    expect(exportFileName('json', new Date(2026, 0, 9, 0, 1).getTime())).toBe('research-log-2026-01-09.json');
  });
});

describe('buildExport', () => {
  const many = Array.from({ length: 4500 }, (_, i) =>
    visit({
      key: `k${i}`,
      startedAt: Date.UTC(2026, 11, 3) + i * 1000,
      site: `s${i % 7}.org`,
      terms: { ssri: 1, anxiety: 2 },
      total: 3,
    }),
  );

  it('builds the file in chunks of bytes, reporting progress to the end', async () => {
    const progress: number[] = [];
    const { parts, visits } = buildExport(
      'csv',
      many,
      { droppedSites: new Set(['s0.org']), hashedSites: null },
      Date.UTC(2026, 11, 5),
      (done) => progress.push(done),
    );
    expect(parts.length).toBeGreaterThan(2);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const kept = many.filter((v) => v.site !== 's0.org').length;
    expect(visits).toBe(kept);
    expect((await new Blob(parts).text()).split('\r\n').length - 2).toBe(kept * 2);
  });

  it.each(['csv', 'json'] as const)('%s: the same bytes as the file built in one piece', async (format) => {
    const now = Date.UTC(2026, 11, 5);
    const { parts } = buildExport(format, many, keep, now);
    const head = {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: new Date(now).toISOString(),
      sitesHashed: false,
      sitesDropped: 0,
    } as const;
    const whole =
      format === 'csv'
        ? [...csvChunks(exportedVisits(many, keep), many.length)].join('')
        : [...jsonChunks(head, exportedVisits(many, keep), many.length)].join('');
    expect(await new Blob(parts).text()).toBe(whole);
  });
});
