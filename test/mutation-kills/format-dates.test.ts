// Date and number formatting and front-matter date parsing at their edges: the boundaries a
// one-character bug moves (survivors of npm run mutate on src/base/format.ts and src/base/dates.ts).
import { describe, expect, it } from 'vitest';
import { daysInMonth, formatOffset, isValidTimezone, offsetAt, pad, parseSiteDate, toSiteDate } from '../../src/base/dates.js';
import { formatNumber, formatPortalDate, formatShortDate } from '../../src/base/format.js';

const VN = 'Asia/Ho_Chi_Minh';
const WORDS = { months: Array.from({ length: 12 }, (_, i) => `Tháng ${i + 1}`), am: 'SA', pm: 'CH' };

function at(text: unknown, zone = VN) {
  const r = parseSiteDate(text, zone);
  if (!r.ok) throw new Error(`${String(text)}: ${r.message}`);
  return r.date;
}
function error(text: unknown): string {
  const r = parseSiteDate(text, VN);
  expect(r.ok, String(text)).toBe(false);
  return r.ok ? '' : r.message;
}

describe('formatPortalDate, formatShortDate, formatNumber', () => {
  it('12-hour clock at every boundary: midnight and noon are 12', () => {
    const read = (hhmm: string) => formatPortalDate(at(`2020-01-28 ${hhmm}:05`), WORDS);
    expect(read('00:00')).toBe('28 Tháng 1 2020 12:00:05 SA');
    expect(read('00:59')).toBe('28 Tháng 1 2020 12:59:05 SA');
    expect(read('01:09')).toBe('28 Tháng 1 2020 01:09:05 SA');
    expect(read('11:59')).toBe('28 Tháng 1 2020 11:59:05 SA');
    expect(read('12:00')).toBe('28 Tháng 1 2020 12:00:05 CH');
    expect(read('13:10')).toBe('28 Tháng 1 2020 01:10:05 CH');
    expect(read('23:10')).toBe('28 Tháng 1 2020 11:10:05 CH');
    expect(formatPortalDate(at('2020-12-01 09:00'), WORDS)).toBe('01 Tháng 12 2020 09:00:00 SA');
  });

  it('a date written without a time reads as the day alone, not as midnight', () => {
    expect(formatPortalDate(at('2020-01-28'), WORDS)).toBe('28 Tháng 1 2020');
    expect(formatPortalDate(at('2020-12-05'), WORDS)).toBe('05 Tháng 12 2020');
    expect(formatPortalDate(at('2020-12-05 00:00'), WORDS)).toBe('05 Tháng 12 2020 12:00:00 SA');
  });

  it('short dates pad day and month', () => {
    expect(formatShortDate(at('2020-01-08'))).toBe('08/01/2020');
    expect(formatShortDate(at('2020-12-31'))).toBe('31/12/2020');
  });

  it('numbers: a separator every three digits from the right, fractions dropped', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(1000)).toBe('1.000');
    expect(formatNumber(21262370)).toBe('21.262.370');
    expect(formatNumber(123456)).toBe('123.456');
    expect(formatNumber(1234.99)).toBe('1.234');
    expect(formatNumber(-1234567)).toBe('-1.234.567');
    expect(formatNumber(1234567, ',')).toBe('1,234,567');
  });
});

describe('parseSiteDate at its edges', () => {
  it('years 1900 to 2999, months 1 to 12, days to the end of the month, times to 23:59:59', () => {
    expect(at('1900-01-01').year).toBe(1900);
    expect(at('2999-12-31 23:59:59').second).toBe(59);
    expect(error('1899-12-31')).toBe('the year 1899 is out of range (1900–2999)');
    expect(error('3000-01-01')).toBe('the year 3000 is out of range (1900–2999)');
    for (const bad of ['2020-00-10', '2020-13-10', '2020-01-00', '2020-01-32', '2023-02-29', '2020-04-31', '2020-01-01 24:00', '2020-01-01 23:60', '2020-01-01 23:59:60']) {
      expect(error(bad), bad).toBe(`"${bad}" is not a real calendar date or time`);
    }
    expect(at('2024-02-29').day).toBe(29);
    const r = parseSiteDate('2020-13-01', VN);
    expect(r.ok ? '' : r.hint).toBe('check the day of the month and the hour (00–23)');
  });

  it('fractions of a second, ISO `T`, trimmed text and a Date object', () => {
    expect(at('2020-01-28T23:10:00.5+07:00').epochMs % 1000).toBe(500);
    expect(at('2020-01-28T23:10:00.123456789Z').epochMs % 1000).toBe(123);
    expect(at('2020-01-28T23:10:00.999Z').epochMs % 1000).toBe(999);
    expect(at('  2020-01-28 23:10  ').iso).toBe('2020-01-28T23:10:00+07:00');
    expect(at(new Date(Date.UTC(2020, 0, 28, 16, 10))).iso).toBe('2020-01-29T23:10:00+07:00'.replace('29T23', '28T23'));
    expect(at('2020-01-28').iso).toBe('2020-01-28T00:00:00+07:00');
    expect(at('2020-01-28 23:10').iso).toBe('2020-01-28T23:10:00+07:00');
  });

  it('offsets from -12:00 to +14:00, with or without the colon', () => {
    expect(at('2020-01-28T12:00:00+14:00').iso).toBe('2020-01-28T05:00:00+07:00');
    expect(at('2020-01-28T12:00:00-12:00').iso).toBe('2020-01-29T07:00:00+07:00');
    expect(at('2020-01-28T12:00:00+0530').iso).toBe('2020-01-28T13:30:00+07:00');
    expect(at('2020-01-28T12:00:00-0130').iso).toBe('2020-01-28T20:30:00+07:00');
    expect(at('2020-01-28T12:00:00Z').iso).toBe('2020-01-28T19:00:00+07:00');
    for (const bad of ['+14:01', '+15:00', '+07:60', '-14:30']) {
      const r = parseSiteDate(`2020-01-28T12:00:00${bad}`, VN);
      expect(r.ok ? '' : r.message, bad).toBe(`"${bad}" is not a real UTC offset`);
      expect(r.ok ? '' : r.hint).toBe('offsets run from -12:00 to +14:00; Vietnam is +07:00');
    }
  });

  it('says what it got when the value is not text', () => {
    expect(error(null)).toBe('the date must be text like 2020-01-28 23:10, not empty');
    expect(error(undefined)).toBe('the date must be text like 2020-01-28 23:10, not empty');
    expect(error(['2020-01-01'])).toBe('the date must be text like 2020-01-28 23:10, not a list');
    expect(error({ y: 2020 })).toBe('the date must be text like 2020-01-28 23:10, not a mapping');
    expect(error(true)).toBe('the date must be text like 2020-01-28 23:10, not boolean');
    expect(error(2020)).toBe('"2020" is not a date bantin understands');
    expect(error('28/01/2020')).toBe('"28/01/2020" is not a date bantin understands');
    const r = parseSiteDate('hôm qua', VN);
    expect(r.ok ? '' : r.hint).toBe('write it as `2020-01-28 23:10` (site time), `2020-01-28` or `2020-01-28T23:10:00+07:00`');
  });
});

describe('time zones', () => {
  it('offsetAt on both sides of a DST change, in one process (the cache keeps them apart)', () => {
    const change = Date.UTC(2024, 2, 10, 7, 0, 0);
    expect(offsetAt(change - 1000, 'America/New_York')).toBe(-300);
    expect(offsetAt(change, 'America/New_York')).toBe(-240);
    expect(offsetAt(change - 1000, 'America/New_York')).toBe(-300);
    expect(offsetAt(change, 'Asia/Ho_Chi_Minh')).toBe(420);
    expect(offsetAt(Date.UTC(2024, 0, 1, 0, 0, 0, 999), 'Asia/Kolkata')).toBe(330);
  });

  it('offsetAt before the year 1 (era BC) still reads the zone', () => {
    expect(offsetAt(Date.UTC(-50, 5, 1, 12), 'UTC')).toBe(0);
    expect(offsetAt(Date.UTC(-50, 5, 1, 12), 'Etc/GMT-3')).toBe(180);
  });

  it('a wall-clock reading in a DST zone, on both sides of the jump', () => {
    expect(at('2024-03-10 03:30', 'America/New_York').iso).toBe('2024-03-10T03:30:00-04:00');
    expect(at('2024-11-03 12:00', 'America/New_York').iso).toBe('2024-11-03T12:00:00-05:00');
    expect(at('2024-03-10 01:59', 'America/New_York').iso).toBe('2024-03-10T01:59:00-05:00');
    expect(at('2024-07-01 12:00', 'America/New_York').iso).toBe('2024-07-01T12:00:00-04:00');
  });

  // Known bug, found here: dates.ts says "a reading skipped by a DST jump lands after it", but
  // 02:30 on the night New York skips 02:00–03:00 is read as 03:30 EDT, after the jump, as
  // src/base/dates.ts says (it was 01:30 EST before the DST fix of the hostile-input work).
  it('a reading in the hour a DST jump skips lands after the jump', () => {
    expect(at('2024-03-10 02:30', 'America/New_York').iso).toBe('2024-03-10T03:30:00-04:00');
  });

  it('isValidTimezone, daysInMonth, pad, formatOffset, toSiteDate', () => {
    expect(isValidTimezone(VN)).toBe(true);
    expect(isValidTimezone('Sao Hỏa/Thủ đô')).toBe(false);
    expect([daysInMonth(2024, 2), daysInMonth(2023, 2), daysInMonth(2100, 2), daysInMonth(2000, 2), daysInMonth(2024, 12), daysInMonth(2024, 4)]).toEqual([29, 28, 28, 29, 31, 30]);
    expect([pad(0), pad(9), pad(10), pad(59)]).toEqual(['00', '09', '10', '59']);
    expect(formatOffset(-90, ':')).toBe('-01:30');
    expect(formatOffset(0, '')).toBe('+0000');
    expect(formatOffset(345, ':')).toBe('+05:45');
    const d = toSiteDate(Date.UTC(2020, 0, 28, 16, 10, 5), VN);
    expect(d).toEqual({ epochMs: Date.UTC(2020, 0, 28, 16, 10, 5), offsetMinutes: 420, year: 2020, month: 1, day: 28, hour: 23, minute: 10, second: 5, iso: '2020-01-28T23:10:05+07:00' });
  });
});
