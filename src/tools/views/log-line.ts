// One access-log line (nginx/Apache "combined" or "common") read into the fields a view count needs.
// Lines come as latin1 strings, so a character is a byte and offsets stay byte offsets.

export type LogFormat = 'combined' | 'common';

export interface Hit {
  ip: string;
  /** Milliseconds since the epoch. */
  time: number;
  method: string;
  /** The request target as logged: `/tin-tuc/bai/?utm=x`. */
  target: string;
  status: number;
  /** Null in the common format, which has none. */
  agent: string | null;
}

const MONTHS: Record<string, number> = { Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11 };

/** `10/Oct/2000:13:55:36 -0700` → epoch ms, or NaN. */
export function parseLogTime(s: string): number {
  if (s.length !== 26 || s[2] !== '/' || s[6] !== '/' || s[11] !== ':' || s[20] !== ' ') return NaN;
  const month = MONTHS[s.slice(3, 6)];
  if (month === undefined) return NaN;
  const num = (from: number, to: number) => {
    let n = 0;
    for (let i = from; i < to; i++) {
      const d = s.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return NaN;
      n = n * 10 + d;
    }
    return n;
  };
  const sign = s[21] === '-' ? -1 : s[21] === '+' ? 1 : NaN;
  const offset = sign * (num(22, 24) * 60 + num(24, 26));
  return Date.UTC(num(7, 11), month, num(0, 2), num(12, 14), num(15, 17), num(18, 20)) - offset * 60_000;
}

/** The index of the `"` closing a quoted field opened before `from` (Apache escapes `"` inside as `\"`). */
function closingQuote(line: string, from: number): number {
  for (let i = line.indexOf('"', from); i >= 0; i = line.indexOf('"', i + 1)) {
    if (line.charCodeAt(i - 1) !== 92 /* \ */) return i;
  }
  return -1;
}

// Most lines share their second with the line before: its time is worked out once.
let lastStamp = '';
let lastTime = NaN;

/** The fields of one line, or null when it is not a line of that format. */
export function parseLogLine(line: string, format: LogFormat): Hit | null {
  const space = line.indexOf(' ');
  const open = line.indexOf('[', space);
  const close = open < 0 ? -1 : line.indexOf(']', open);
  if (space <= 0 || close < 0 || line.charCodeAt(close + 1) !== 32 || line.charCodeAt(close + 2) !== 34) return null;
  if (close - open - 1 !== lastStamp.length || !line.startsWith(lastStamp, open + 1)) {
    lastStamp = line.slice(open + 1, close);
    lastTime = parseLogTime(lastStamp);
  }
  const time = lastTime;
  if (Number.isNaN(time)) return null;
  const reqStart = close + 3;
  const reqEnd = closingQuote(line, reqStart);
  if (reqEnd < 0) return null;
  const m1 = line.indexOf(' ', reqStart);
  const m2 = line.lastIndexOf(' ', reqEnd);
  // `"-"` or a bare garbage request (a TLS handshake sent to port 80) has no method and target.
  if (m1 <= reqStart || m1 >= reqEnd) return null;
  const method = line.slice(reqStart, m1);
  const target = m2 > m1 ? line.slice(m1 + 1, m2) : line.slice(m1 + 1, reqEnd);
  const d0 = line.charCodeAt(reqEnd + 2) - 48, d1 = line.charCodeAt(reqEnd + 3) - 48, d2 = line.charCodeAt(reqEnd + 4) - 48;
  const status = d0 * 100 + d1 * 10 + d2;
  if (line.charCodeAt(reqEnd + 1) !== 32 || !(d0 >= 1 && d0 <= 5 && d1 >= 0 && d1 <= 9 && d2 >= 0 && d2 <= 9)) return null;
  let agent: string | null = null;
  if (format === 'combined') {
    const refStart = line.indexOf('"', reqEnd + 5);
    const refEnd = refStart < 0 ? -1 : closingQuote(line, refStart + 1);
    const uaStart = refEnd < 0 ? -1 : line.indexOf('"', refEnd + 1);
    const uaEnd = uaStart < 0 ? -1 : closingQuote(line, uaStart + 1);
    if (uaEnd < 0) return null;
    agent = line.slice(uaStart + 1, uaEnd);
  }
  return { ip: line.slice(0, space), time, method, target, status, agent };
}
