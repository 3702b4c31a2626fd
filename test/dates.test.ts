import { describe, expect, it } from 'vitest';
import { parseSiteDate, toSiteDate } from '../src/base/dates.js';
import { formatNumber, formatPortalDate, formatShortDate } from '../src/base/format.js';
import yaml from 'js-yaml';
import { readFileSync } from 'node:fs';

const vi = yaml.load(readFileSync(new URL('../templates/locales/vi.yaml', import.meta.url), 'utf8')) as any;
const words = { months: vi.dates.months, am: vi.dates.am, pm: vi.dates.pm };
const HCM = 'Asia/Ho_Chi_Minh';

function parsed(text: string, tz = HCM) {
  const r = parseSiteDate(text, tz);
  if (!r.ok) throw new Error(r.message);
  return r.date;
}

describe('portal date format', () => {
  it.each([
    ['2020-01-28 00:05', '28 Tháng Giêng 2020 12:05:00 SA'],
    ['2020-01-28 11:59:59', '28 Tháng Giêng 2020 11:59:59 SA'],
    ['2020-01-28 12:00', '28 Tháng Giêng 2020 12:00:00 CH'],
    ['2020-01-28 23:10', '28 Tháng Giêng 2020 11:10:00 CH'],
    ['2020-01-28 13:07:09', '28 Tháng Giêng 2020 01:07:09 CH'],
    ['2021-03-05 09:00', '05 Tháng Ba 2021 09:00:00 SA'],
  ])('%s reads %s', (input, expected) => {
    expect(formatPortalDate(parsed(input), words)).toBe(expected);
  });

  it('names every month the vi-VN way', () => {
    const months = Array.from({ length: 12 }, (_, i) => formatPortalDate(parsed(`2020-${String(i + 1).padStart(2, '0')}-15 08:00`), words));
    expect(months.map((m) => /^15 (.+) 2020 08:00:00 SA$/.exec(m)?.[1])).toEqual([
      'Tháng Giêng', 'Tháng Hai', 'Tháng Ba', 'Tháng Tư', 'Tháng Năm', 'Tháng Sáu',
      'Tháng Bảy', 'Tháng Tám', 'Tháng Chín', 'Tháng Mười', 'Tháng Mười Một', 'Tháng Mười Hai',
    ]);
  });

  it('short dates and thousands separators', () => {
    expect(formatShortDate(parsed('2020-01-08 23:10'))).toBe('08/01/2020');
    expect(formatNumber(21262370)).toBe('21.262.370');
    expect(formatNumber(716)).toBe('716');
    expect(formatNumber(1000)).toBe('1.000');
    expect(formatNumber(0)).toBe('0');
  });
});

describe('parsing front-matter dates', () => {
  it('reads a date without offset as wall-clock time in the site timezone', () => {
    const d = parsed('2020-01-28 23:10');
    expect(d.iso).toBe('2020-01-28T23:10:00+07:00');
    expect(new Date(d.epochMs).toISOString()).toBe('2020-01-28T16:10:00.000Z');
    expect([d.hour, d.minute, d.day]).toEqual([23, 10, 28]);
  });

  it('accepts every documented form', () => {
    expect(parsed('2020-01-28').iso).toBe('2020-01-28T00:00:00+07:00');
    expect(parsed('2020-01-28 23:10:05').iso).toBe('2020-01-28T23:10:05+07:00');
    expect(parsed('2020-01-28T23:10').iso).toBe('2020-01-28T23:10:00+07:00');
    expect(parsed('2020-01-28T16:10:00Z').iso).toBe('2020-01-28T23:10:00+07:00');
    expect(parsed('2020-01-28T20:10:00+04:00').iso).toBe('2020-01-28T23:10:00+07:00');
    expect(parsed('2020-01-28T23:10:00.500+07:00').epochMs % 1000).toBe(500);
  });

  it('an offset date crossing midnight lands on the site-local day', () => {
    const d = parsed('2020-01-28T20:00:00Z');
    expect([d.year, d.month, d.day, d.hour]).toEqual([2020, 1, 29, 3]);
  });

  it('follows another site timezone, DST included', () => {
    expect(parsed('2021-07-01 12:00', 'America/New_York').iso).toBe('2021-07-01T12:00:00-04:00');
    expect(parsed('2021-01-01 12:00', 'America/New_York').iso).toBe('2021-01-01T12:00:00-05:00');
    expect(toSiteDate(Date.UTC(2021, 6, 1, 16), 'Asia/Kolkata').iso).toBe('2021-07-01T21:30:00+05:30');
  });

  it.each([
    ['2020-02-30', 'not a real calendar date'],
    ['2021-02-29 10:00', 'not a real calendar date'],
    ['2020-13-01', 'not a real calendar date'],
    ['2020-01-28 24:00', 'not a real calendar date'],
    ['28/01/2020', 'not a date bantin understands'],
    ['hôm qua', 'not a date bantin understands'],
    ['0999-01-01', 'out of range'],
  ])('rejects %s', (input, message) => {
    const r = parseSiteDate(input, HCM);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(message);
  });

  it('rejects values that are not text', () => {
    expect(parseSiteDate(['2020-01-01'], HCM).ok).toBe(false);
    expect(parseSiteDate({ y: 2020 }, HCM).ok).toBe(false);
    expect(parseSiteDate(true, HCM).ok).toBe(false);
  });
});
