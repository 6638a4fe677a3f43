import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LOG_SETTINGS,
  erasedAtFor,
  isNeverLogged,
  type LogSettings,
  parseNeverLog,
  readLogSettings,
  readLogStatus,
  retentionCutoff,
  switchLog,
} from '@/utils/research-log-settings';

const DAY = 24 * 60 * 60 * 1000;

describe('readLogSettings', () => {
  it.each<[string, unknown, Partial<LogSettings>]>([
    ['nothing stored', undefined, {}],
    ['null', null, {}],
    ['a string', 'on', {}],
    ['an array', [true], {}],
    ['an empty object', {}, {}],
    ['on, with the time it was turned on', { enabled: true, enabledAt: 5 }, { enabled: true, enabledAt: 5 }],
    ['"on" without a time stays off', { enabled: true }, { enabled: false }],
    ['"on" as a string stays off', { enabled: 'true', enabledAt: 5 }, { enabled: false, enabledAt: 5 }],
    ['each detail', { detail: 'site-path' }, { detail: 'site-path' }],
    ['full', { detail: 'full' }, { detail: 'full' }],
    ['an unknown detail', { detail: 'everything' }, { detail: 'site' }],
    ['each retention', { retentionDays: 365 }, { retentionDays: 365 }],
    ['until cleared', { retentionDays: null }, { retentionDays: null }],
    ['an unknown retention', { retentionDays: 12 }, { retentionDays: 90 }],
    ['unhighlighted pages', { includeUnhighlighted: true }, { includeUnhighlighted: true }],
    [
      'never-log sites, normalised',
      { neverLog: ['Example.ORG', 42, 'bad host!', 'www.x.org'] },
      { neverLog: ['example.org', 'www.x.org'] },
    ],
    ['a damaged never-log list', { neverLog: 'example.org' }, { neverLog: [] }],
    [
      'a future version with more fields',
      { enabled: true, enabledAt: 9, colour: 'red' },
      { enabled: true, enabledAt: 9 },
    ],
  ])('%s', (_name, stored, expected) => {
    expect(readLogSettings(stored)).toEqual({ ...DEFAULT_LOG_SETTINGS, ...expected });
  });

  it('is off, site only, 90 days, no never-log sites and no unhighlighted pages by default', () => {
    expect(DEFAULT_LOG_SETTINGS).toEqual({
      enabled: false,
      enabledAt: 0,
      detail: 'site',
      neverLog: [],
      includeUnhighlighted: false,
      retentionDays: 90,
    });
  });
});

describe('switchLog', () => {
  it.each<[string, LogSettings, boolean, number, Partial<LogSettings>]>([
    ['on: remembers when', DEFAULT_LOG_SETTINGS, true, 1000, { enabled: true, enabledAt: 1000 }],
    [
      'off: keeps when it was on',
      { ...DEFAULT_LOG_SETTINGS, enabled: true, enabledAt: 5 },
      false,
      1000,
      { enabled: false, enabledAt: 5 },
    ],
    [
      'on again: a new time',
      { ...DEFAULT_LOG_SETTINGS, enabled: false, enabledAt: 5 },
      true,
      1000,
      { enabled: true, enabledAt: 1000 },
    ],
    [
      'on while on: unchanged',
      { ...DEFAULT_LOG_SETTINGS, enabled: true, enabledAt: 5 },
      true,
      1000,
      { enabled: true, enabledAt: 5 },
    ],
  ])('%s', (_name, settings, enabled, now, expected) => {
    expect(switchLog(settings, enabled, now)).toEqual({ ...settings, ...expected });
  });
});

describe('parseNeverLog', () => {
  it.each<[string, string[], string[]]>([
    ['', [], []],
    ['example.org', ['example.org'], []],
    ['  Example.org \n\nwww.News.com', ['example.org', 'www.news.com'], []],
    ['https://example.org/some/page?q=1', ['example.org'], []],
    ['*.example.org', ['example.org'], []],
    ['example.org, example.org', ['example.org'], []],
    ['not a host!\nexample.org', ['example.org'], ['not a host!']],
    ['127.0.0.1:8080', ['127.0.0.1'], []],
  ])('%j', (text, sites, rejected) => {
    expect(parseNeverLog(text)).toEqual({ sites, rejected });
  });
});

describe('isNeverLogged', () => {
  it.each<[string, string[], boolean]>([
    ['example.org', ['example.org'], true],
    ['www.example.org', ['example.org'], true],
    ['a.b.example.org', ['example.org'], true],
    ['notexample.org', ['example.org'], false],
    ['example.org', ['www.example.org'], false],
    ['localhost', ['127.0.0.1'], false],
    ['127.0.0.1', ['127.0.0.1'], true],
    ['example.org', [], false],
  ])('%s with %j → %s', (host, list, expected) => {
    expect(isNeverLogged(host, list)).toBe(expected);
  });
});

describe('retentionCutoff', () => {
  const now = Date.UTC(2026, 11, 3, 12);
  it.each<[LogSettings['retentionDays'], number | null]>([
    [30, now - 30 * DAY],
    [90, now - 90 * DAY],
    [365, now - 365 * DAY],
    [null, null],
  ])('%s days → %s', (days, cutoff) => {
    expect(retentionCutoff(now, days)).toBe(cutoff);
  });
});

describe('readLogStatus', () => {
  it.each<[unknown, ReturnType<typeof readLogStatus>]>([
    [undefined, { droppedVisits: 0, fullSince: null, failedVisits: 0 }],
    [
      { droppedVisits: 3, fullSince: 10 },
      { droppedVisits: 3, fullSince: 10, failedVisits: 0 },
    ],
    [
      { droppedVisits: -3, fullSince: 'x', failedVisits: 1.5 },
      { droppedVisits: 0, fullSince: null, failedVisits: 0 },
    ],
  ])('%j', (stored, expected) => expect(readLogStatus(stored)).toEqual(expected));
});

describe('erasedAtFor', () => {
  it.each<[Record<string, number>, string, number]>([
    [{}, 'a.org', 0],
    [{ 'a.org': 5 }, 'a.org', 5],
    [{ 'a.org': 5 }, 'b.org', 0],
    [{ '*': 7, 'a.org': 5 }, 'a.org', 7],
    [{ '*': 3, 'a.org': 5 }, 'a.org', 5],
  ])('%j, %s → %s', (marks, host, expected) => expect(erasedAtFor(marks, host)).toBe(expected));
});
