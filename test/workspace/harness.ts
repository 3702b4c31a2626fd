// A generated workspace for the workspace tests: small sites sharing a theme and config defaults,
// one site with its own footer template, optionally one with a broken article.
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { article, runCli, tempDir, writeFiles } from '../helpers.js';

export const SHARED_FOOTER = '<footer class="site-footer"><p class="province-footer">{{ config.unit }} · {{ config.footer.phone }}</p></footer>\n';
export const OWN_FOOTER = '<footer class="site-footer"><p class="own-footer">RIÊNG {{ config.title }} · {{ config.footer.phone }} · {{ config.footer.email }}</p></footer>\n';
export const ROOT_CONFIG = `sites: sites/*
defaults:
  unit: "Ủy ban nhân dân tỉnh Sông Lam"
  pageSize: 5
  footer:
    phone: "0238 3812 345"
index:
  title: "Cổng thông tin tỉnh Sông Lam <Tỉnh>"
  latest: 2
`;
/** The site that overrides the shared footer, and one key of the shared `footer:`. */
export const OVERRIDING = 'xa-07';
export const BROKEN = 'xa-13';
/** Where the broken article's mistake is: its file (from the workspace root) and line. */
export const BROKEN_AT = `sites/${BROKEN}/content/tin-tuc/bai-hong.md:2`;

export const siteName = (i: number) => `xa-${String(i).padStart(2, '0')}`;

/** The config of site `i`, as its own bantin.yaml says it. */
export function siteConfig(i: number): string {
  const own = `title: "Xã số ${i} & <Hòa>"\nbaseUrl: https://${siteName(i)}.songlam.gov.vn/\n`;
  return siteName(i) === OVERRIDING ? `${own}footer:\n  email: "xa07@songlam.gov.vn"\n` : own;
}

/** Site i has 1 + (i * 7) % 4 articles: unequal, so the shards have something to balance. */
export const articleCount = (i: number) => 1 + ((i * 7) % 4);

/** Writes a workspace of `count` sites; `broken` adds an article with an unclosed quote to BROKEN. */
export function makeWorkspace(count: number, { broken = false, name = 'ws' } = {}): string {
  const root = tempDir(name);
  const files: Record<string, string> = { 'bantin.yaml': ROOT_CONFIG, 'templates/partials/footer.njk': SHARED_FOOTER, 'docs/README.md': 'Ghi chú.\n' };
  for (let i = 1; i <= count; i++) {
    const site = `sites/${siteName(i)}`;
    files[`${site}/bantin.yaml`] = siteConfig(i);
    for (let a = 1; a <= articleCount(i); a++) {
      files[`${site}/content/tin-tuc/bai-${a}.md`] = article({ title: `Tin ${a} của xã ${i} <b>`, date: `2025-0${1 + (a % 9)}-1${a % 10} 08:30`, author: 'Nguyễn Văn An' }, `Nội dung bài ${a}.`);
    }
    if (siteName(i) === OVERRIDING) files[`${site}/templates/partials/footer.njk`] = OWN_FOOTER;
  }
  if (broken && count >= 13) files[`sites/${BROKEN}/content/tin-tuc/bai-hong.md`] = '---\ntitle: "Bài hỏng\ndate: 2025-07-01 08:00\n---\nx\n';
  writeFiles(root, files);
  return root;
}

/**
 * The same site as a plain site folder, with the merged theme and config written into it: the
 * workspace's templates under the site's own, and its defaults with the site's keys on top.
 */
export function standaloneCopy(ws: string, i: number): string {
  const alone = tempDir('alone');
  cpSync(join(ws, 'sites', siteName(i)), alone, { recursive: true, filter: (src) => !/[\\/]\.bantin([\\/]|$)/.test(src) });
  cpSync(join(ws, 'templates'), join(alone, 'templates'), { recursive: true, force: false, errorOnExist: false });
  const footer = siteName(i) === OVERRIDING ? '  phone: "0238 3812 345"\n  email: "xa07@songlam.gov.vn"\n' : '  phone: "0238 3812 345"\n';
  writeFileSync(join(alone, 'bantin.yaml'), `unit: "Ủy ban nhân dân tỉnh Sông Lam"\npageSize: 5\nfooter:\n${footer}title: "Xã số ${i} & <Hòa>"\nbaseUrl: https://${siteName(i)}.songlam.gov.vn/\n`);
  return alone;
}

/** `bantin build --all` with at most two processes (the test machine is shared). */
export function buildAll(root: string, extra: string[] = []) {
  return runCli(['build', '--all', '--root', root, '--jobs', '2', ...extra]);
}

/** The site names a run would build, from `--list --json`. */
export function listed(root: string, extra: string[]): string[] {
  const r = runCli(['build', '--all', '--root', root, '--list', '--json', ...extra]);
  if (r.status !== 0) throw new Error(`--list failed (${r.status}):\n${r.stderr}`);
  return JSON.parse(r.stdout) as string[];
}
