// Shared by the views tests: a small site under a base path, and access-log lines as nginx writes them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { article, makeSite, runCli } from '../helpers.js';

export const BROWSER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
export const PHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
export const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

export const ART1 = '/tin-tuc/le-hoi-dua-thuyen/';
export const ART2 = '/thong-bao/lich-tiep-dan/';
export const ART3 = '/tin-tuc/hoi-nghi/';

/** Three articles (two with views carried over from the old portal) under the base path /xa/. */
export function viewsSite(config = ''): string {
  return makeSite({
    'bantin.yaml': `title: Xã Thử\nbaseUrl: https://example.gov.vn/xa/\nvisits: 1000\ncategories: [Tin tức, Thông báo]\n${config}`,
    'content/tin-tuc/le-hoi-dua-thuyen.md': article({ title: 'Lễ hội đua thuyền', date: '2025-09-01 08:00', category: 'Tin tức', views: 716 }),
    'content/thong-bao/lich-tiep-dan.md': article({ title: 'Lịch tiếp dân', date: '2025-09-02 08:00', category: 'Thông báo', views: 21262 }),
    'content/tin-tuc/hoi-nghi.md': article({ title: 'Hội nghị', date: '2025-09-03 08:00', category: 'Tin tức' }),
  }, 'views');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const T0 = Date.UTC(2025, 9, 10, 6, 0, 0);
export const MIN = 60_000;

/** `[10/Oct/2025:13:00:00 +0700]` for an instant, in the server's +07:00. */
function logTime(ms: number): string {
  const d = new Date(ms + 7 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0700`;
}

/** One line of nginx's `combined` format. */
export function line(ip: string, at: number, target: string, o: { status?: number; method?: string; ua?: string } = {}): string {
  return `${ip} - - [${logTime(at)}] "${o.method ?? 'GET'} ${target} HTTP/1.1" ${o.status ?? 200} 5120 "-" "${o.ua ?? BROWSER}"\n`;
}

export function views(root: string, ...args: string[]) {
  const r = runCli(['views', '--root', root, '--json', ...args]);
  if (r.status !== 0) throw new Error(`bantin views failed (${r.status}):\n${r.stderr}${r.stdout}`);
  return JSON.parse(r.stdout);
}

export const state = (root: string) => JSON.parse(readFileSync(join(root, 'data', 'views.json'), 'utf8'));
