// `bantin views` on generated logs: what is a view, exact counts, and re-runs over rotated,
// compressed, cut-short and growing logs that never count a line twice.
import { appendFileSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';
import { ART1, ART2, ART3, GOOGLEBOT, line, MIN, PHONE, state, T0, views, viewsSite } from './views-helpers.js';

/** Every rule once. Expected: ART1 4, ART2 2, ART3 0; 7 page views in all. */
const day = [
  line('203.0.113.1', T0, `/xa${ART1}`), // counted
  line('203.0.113.1', T0 + 10 * MIN, `/xa${ART1}`), // same reader within 30 minutes
  line('203.0.113.1', T0 + 31 * MIN, `/xa${ART1}?utm_source=zalo`), // 31 minutes after the counted one: counted
  line('203.0.113.2', T0 + MIN, `/xa${ART1}index.html`, { ua: PHONE }), // counted
  line('203.0.113.2', T0 + 45 * MIN, ART1.slice(0, -1), { ua: PHONE }), // without base path and slash: counted
  line('66.249.66.1', T0 + 2 * MIN, `/xa${ART1}`, { ua: GOOGLEBOT }), // bot
  line('203.0.113.3', T0 + 3 * MIN, `/xa${ART2}`, { status: 304 }), // counted: the browser's copy shown again
  line('203.0.113.3', T0 + 4 * MIN, '/xa/thong-bao/khong-co-bai-nay/', { status: 404 }), // missing page
  line('203.0.113.4', T0 + 5 * MIN, `/xa${ART2}`, { method: 'HEAD' }), // not a GET
  line('203.0.113.4', T0 + 6 * MIN, '/xa/tin-tuc/le-hoi-dua-thuyen', { status: 301 }), // redirect
  line('203.0.113.4', T0 + 6 * MIN, `/xa${ART2}`), // counted
  line('203.0.113.4', T0 + 7 * MIN, '/xa/assets/style.1a2b3c4d5e.css'), // not a page
  line('10.1.2.3', T0 + 8 * MIN, `/xa${ART2}`), // excluded address
  line('203.0.113.1', T0 + 9 * MIN, '/xa/'), // home page: total only
  line('2001:db8::7', T0 + 11 * MIN, '/xa/thong-bao/'), // a listing over IPv6: total only
  line('198.51.100.9', T0 + 12 * MIN, '/other-site/page/'), // another site's page on the same server
  'this is not a log line\n',
  line('203.0.113.9', T0, `/xa${ART3}`).replace('/Oct/', '/Okt/'), // bad date
];

describe('bantin views: what is counted', () => {
  it('counts one view per reader and page per 30 minutes, of successful page GETs by readers only', () => {
    const root = viewsSite();
    writeFileSync(join(root, 'access.log'), day.join(''));
    const r = views(root, join(root, 'access.log'), '--exclude-ip', '10.0.0.0/8');
    const s = state(root);
    expect(s.pages).toEqual({ [ART1]: 4, [ART2]: 2 });
    expect(s.total).toBe(8);
    expect(r.skipped).toEqual({ bots: 1, excluded: 1, notPages: 5, repeats: 1, malformed: 2 });
    expect(r.malformedAt).toEqual(['access.log:17', 'access.log:18']);
    expect(r.files).toEqual([{ name: 'access.log', status: 'read', lines: 18, views: 8, notes: [] }]);
  });

  it('without --exclude-ip the office address counts; an address range that is not one is refused', () => {
    const root = viewsSite();
    writeFileSync(join(root, 'access.log'), day.join(''));
    expect(views(root, join(root, 'access.log')).total).toBe(9);
    const bad = runCli(['views', '--root', root, join(root, 'access.log'), '--exclude-ip', '10.0.0/33']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--exclude-ip 10.0.0/33 is not an address or an address range');
    expect(runCli(['views', '--root', root]).status).toBe(2);
  });

  it('speaks Vietnamese with --lang vi: the summary, a refused address range, a missing log', () => {
    const root = viewsSite();
    writeFileSync(join(root, 'access.log'), day.join(''));
    const ok = runCli(['views', '--root', root, join(root, 'access.log'), '--exclude-ip', '10.0.0.0/8', '--lang', 'vi']);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('  access.log: 18 dòng mới, 8 lượt xem\n');
    expect(ok.stdout).toContain('không đếm: 1 của máy tìm kiếm/bot, 1 từ địa chỉ bị loại trừ, 1 lần xem lại trong 30 phút, 5 không phải lần mở trang thành công, 2 dòng sai dạng (dòng đầu tiên: access.log:17, access.log:18)');
    expect(ok.stdout).toMatch(/^bantin: đã đếm \d+ lượt xem bài/m);
    const bad = runCli(['views', '--root', root, join(root, 'access.log'), '--exclude-ip', '10.0.0/33', '--lang', 'vi']);
    expect(bad.stderr).toBe('bantin: views: --exclude-ip 10.0.0/33 không phải một địa chỉ hay một dải địa chỉ; ghi như 10.0.0.0/8, 203.0.113.7 hoặc 2001:db8::/32\n');
    const missing = runCli(['views', '--root', root, join(root, 'khong-co.log'), '--lang', 'vi']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(`${join(root, 'khong-co.log')}: lỗi: không có tệp này\n  cách sửa: ghi đường dẫn của các tệp nhật ký truy cập`);
  });
});

describe('bantin views: large logs', () => {
  it('reads every line of logs many times the read size, plain and compressed, lines cut between reads included', () => {
    const root = viewsSite();
    // 30,000 lines of about 250 bytes (7 MB): lines fall across the 1 MB reads at every kind of place.
    const text = Array.from({ length: 30_000 }, (_, i) => line(`10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`, T0 + i * 1000, `/xa${i % 3 ? ART1 : ART3}?n=${'x'.repeat(i % 97)}`)).join('');
    writeFileSync(join(root, 'access.log'), text);
    const plain = views(root, join(root, 'access.log'));
    expect(plain.files[0]).toMatchObject({ lines: 30_000, views: 30_000 });
    expect(state(root).pages).toEqual({ [ART1]: 20_000, [ART3]: 10_000 });
    rmSync(join(root, 'data'), { recursive: true });
    writeFileSync(join(root, 'access.log.gz'), gzipSync(text));
    rmSync(join(root, 'access.log'));
    expect(views(root, join(root, 'access.log.gz')).files[0]).toMatchObject({ lines: 30_000, views: 30_000 });
    expect(state(root).total).toBe(30_000);
  });
});

describe('bantin views: running it again', () => {
  it('counts nothing twice: the same log, lines added, the last half hour carried over, a last line still being written', () => {
    const root = viewsSite();
    const log = join(root, 'access.log');
    writeFileSync(log, line('203.0.113.1', T0, `/xa${ART1}`) + line('203.0.113.2', T0, `/xa${ART3}`));
    views(root, log);
    expect(state(root).pages).toEqual({ [ART1]: 1, [ART3]: 1 });
    const again = views(root, log);
    expect(again.files[0].status).toBe('already counted');
    expect(state(root).pages).toEqual({ [ART1]: 1, [ART3]: 1 });

    // 20 minutes later the same reader (not counted: the last run's half hour is remembered), another reader,
    // and a line the server is still writing (no newline yet).
    const partial = line('203.0.113.5', T0 + 21 * MIN, `/xa${ART2}`);
    appendFileSync(log, line('203.0.113.1', T0 + 20 * MIN, `/xa${ART1}`) + line('203.0.113.4', T0 + 20 * MIN, `/xa${ART1}`) + partial.slice(0, 30));
    const r = views(root, log);
    expect(r.skipped.repeats).toBe(1);
    expect(state(root).pages).toEqual({ [ART1]: 2, [ART3]: 1 });
    appendFileSync(log, partial.slice(30));
    views(root, log);
    expect(state(root).pages).toEqual({ [ART1]: 2, [ART2]: 1, [ART3]: 1 });
    expect(state(root).total).toBe(4);
  });

  it('follows logrotate: renamed, compressed, listed in any order, a new log begun', () => {
    const root = viewsSite();
    const log = join(root, 'access.log');
    const first = [0, 1, 2].map((i) => line(`203.0.113.${i + 1}`, T0 + i * MIN, `/xa${ART1}`)).join('');
    writeFileSync(log, first);
    views(root, log);
    appendFileSync(log, line('203.0.113.9', T0 + 5 * MIN, `/xa${ART1}`));
    // Rotated after this run: access.log → access.log.1 (not read to its end yet), then compressed a day later.
    renameSync(log, `${log}.1`);
    writeFileSync(`${log}.2.gz`, gzipSync(readFileSync(`${log}.1`)));
    rmSync(`${log}.1`);
    writeFileSync(log, line('203.0.113.7', T0 + 24 * 60 * MIN, `/xa${ART2}`));
    const r = views(root, log, `${log}.2.gz`);
    expect(r.files.map((f: { name: string; lines: number }) => [f.name, f.lines])).toEqual([['access.log.2.gz', 1], ['access.log', 1]]);
    expect(r.files[0].notes).toEqual(['is access.log of the last run, rotated']);
    expect(state(root).pages).toEqual({ [ART1]: 4, [ART2]: 1 });
    // The next hour, nothing new: the compressed log is not unpacked again.
    expect(views(root, `${log}.2.gz`, log).files.map((f: { status: string }) => f.status)).toEqual(['already counted', 'already counted']);
    expect(state(root).total).toBe(5);
  });

  it('a compressed log cut short counts what it holds; the whole copy later adds only the rest', () => {
    const root = viewsSite();
    const lines = Array.from({ length: 2000 }, (_, i) => line(`198.51.100.${i % 250}`, T0 + i * 31 * MIN, `/xa${i % 2 ? ART1 : ART2}`)).join('');
    const whole = gzipSync(lines);
    writeFileSync(join(root, 'cut.log.gz'), whole.subarray(0, whole.length >> 1));
    const r = views(root, join(root, 'cut.log.gz'));
    expect(r.files[0].notes[0]).toMatch(/^is damaged or cut short \(.*\): counted up to line \d+/);
    const part = state(root).total;
    expect(part).toBeGreaterThan(0);
    expect(part).toBeLessThan(2000);
    writeFileSync(join(root, 'whole.log.gz'), whole);
    views(root, join(root, 'whole.log.gz'));
    expect(state(root).pages).toEqual({ [ART1]: 1000, [ART2]: 1000 });
  });

  it('a log cut to nothing and written again (copytruncate) is read from its start; one shorter with the same start counts no old line again', () => {
    const root = viewsSite();
    const log = join(root, 'access.log');
    writeFileSync(log, line('203.0.113.1', T0, `/xa${ART1}`) + line('203.0.113.2', T0, `/xa${ART1}`));
    views(root, log);
    writeFileSync(log, line('203.0.113.3', T0 + 60 * MIN, `/xa${ART2}`));
    views(root, log);
    expect(state(root).pages).toEqual({ [ART1]: 2, [ART2]: 1 });
    // Put back shorter, with the same first line (an older copy restored): none of it is counted again,
    // and lines added after it are.
    const l1 = line('203.0.113.3', T0 + 60 * MIN, `/xa${ART2}`);
    writeFileSync(log, l1 + line('203.0.113.4', T0 + 61 * MIN, `/xa${ART2}`));
    views(root, log);
    expect(state(root).total).toBe(4);
    writeFileSync(log, l1);
    const r = views(root, log);
    expect(r.files[0].notes[0]).toMatch(/^is shorter \(\d+ bytes\) than when last read/);
    appendFileSync(log, line('203.0.113.5', T0 + 62 * MIN, `/xa${ART2}`));
    views(root, log);
    expect(state(root).pages).toEqual({ [ART1]: 2, [ART2]: 3 });
    expect(state(root).total).toBe(5);
  });
});

describe('bantin views: reports instead of logs', () => {
  it('imports a CSV of path,views and a GoAccess report; a newer file of the same name replaces its counts', () => {
    const root = viewsSite();
    writeFileSync(join(root, 'ga.csv'), `path,views\n/xa${ART1},120\n"https://example.gov.vn/xa${ART2}?x=1","1,234"\n/xa/,50\n/xa/assets/a.png,7\nnonsense\n`);
    const r = views(root, join(root, 'ga.csv'));
    expect(state(root).pages).toEqual({ [ART1]: 120, [ART2]: 1234 });
    expect(state(root).total).toBe(1404);
    expect(r.malformedAt).toEqual(['ga.csv: line 6: not "path,views"']);
    writeFileSync(join(root, 'ga.csv'), `/xa${ART1},130\n`);
    views(root, join(root, 'ga.csv'));
    expect(state(root).pages).toEqual({ [ART1]: 130 });
    writeFileSync(join(root, 'goaccess.json'), JSON.stringify({ general: {}, requests: { data: [
      { data: `/xa${ART3}`, hits: { count: 40 }, visitors: { count: 25 } },
      { data: '/xa/', hits: { count: 9 }, visitors: { count: 5 } },
    ] } }));
    views(root, join(root, 'goaccess.json'));
    expect(state(root).pages).toEqual({ [ART1]: 130, [ART3]: 25 });
    expect(state(root).total).toBe(160);
  });
});
