// Random front matter (keys, values, raw YAML fragments, any Unicode) and random Markdown, thrown at
// the front-matter parser and at whole builds for a bounded time. Properties: nothing throws but a
// reported content problem (BuildFailure), every problem names the file and says how to fix it, and
// no file is written outside --out.
//   npm test                      ~5 s (BANTIN_FUZZ_SECONDS=5)
//   npm run fuzz                  60 s
//   BANTIN_FUZZ_SEED=123 ...      replay a run (the seed is printed)
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../src/load/article.js';
import { build } from '../src/build/build.js';
import { DEFAULT_CONFIG } from '../src/load/config.js';
import { BuildFailure, ProblemList } from '../src/base/problems.js';
import type { Problem } from '../src/base/types.js';
import { tempDir } from './helpers.js';

const SECONDS = Number(process.env.BANTIN_FUZZ_SECONDS ?? 5);
const SEED = process.env.BANTIN_FUZZ_SEED ? Number(process.env.BANTIN_FUZZ_SEED) : Date.now() % 2 ** 31;
const NOW = Date.UTC(2025, 0, 1);
const FIELDS = ['title', 'date', 'updated', 'author', 'views', 'category', 'tags', 'summary', 'image', 'draft', 'slug'];
const CONFIG_KEYS = Object.keys(DEFAULT_CONFIG);

// ---- generators ------------------------------------------------------------------------------

/** Fragments that mean something to YAML, Markdown, HTML, URLs or file systems. */
const SHARP = [
  '', ' ', '\t', '\n', '\r\n', '\uFEFF', '\u0000', '\u2028', '---', '...', ':', ': ', '- ', '#', '&a', '*a', '!!str', '!!binary', '!!js/function', '!', '%YAML 1.2',
  '|', '>', '[', ']', '{', '}', '"', "'", '?', '@', '`', '~', 'null', 'true', 'no', '.nan', '-.inf', '1e400', '0x1F', '0o17', '-0', '9007199254740993',
  '2024-02-30', '2024-01-01 10:00', '2024-01-01T10:00:00+07:00', '1899-12-31', '3000-01-01', '2024-13-45 25:61', '<script>alert(1)</script>',
  '../', '..', '/', '\\', '%2e%2e', 'C:\\x', 'javascript:alert(1)', 'data:text/html,x', 'Đất đai', 'Văn hóa - Xã hội', '🎉', 'ﷺ', '\u0301', 'trang', 'archive', 'tag', 'index.html',
];
const sharp = fc.constantFrom(...SHARP);
const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 12 }), sharp,
  fc.array(fc.oneof(sharp, fc.string({ maxLength: 6 })), { maxLength: 6 }).map((a) => a.join('')));

const datey = fc.tuple(fc.integer({ min: 1890, max: 3010 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }))
  .map(([y, mo, d, h, mi]) => `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')} ${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}`);

/** One YAML value, well-formed or not. */
const value: fc.Arbitrary<string> = fc.oneof(
  text,
  text.map((t) => JSON.stringify(t)),
  text.map((t) => `'${t.replace(/'/g, "''")}'`),
  fc.oneof(fc.integer(), fc.double(), fc.boolean()).map(String),
  datey,
  fc.array(text, { maxLength: 4 }).map((a) => `[${a.join(', ')}]`),
  fc.array(text.map((t) => JSON.stringify(t)), { maxLength: 4 }).map((a) => `\n${a.map((x) => `  - ${x}`).join('\n')}`),
  fc.tuple(text, text).map(([k, v]) => `{${k}: ${v}}`),
  text.map((t) => `|\n  ${t}`),
  text.map((t) => `&x ${JSON.stringify(t)}`),
  fc.constant('*x'),
);

/** Values each field accepts, so that many documents get through to Markdown, pages and feeds. */
const quoted = text.map((t) => JSON.stringify(t));
const GOOD: Record<string, fc.Arbitrary<string>> = {
  title: quoted, author: quoted, summary: quoted, slug: quoted, category: fc.constantFrom('Tin tức', 'Thông báo', '"Văn hóa - Xã hội"', 'Đất đai', '"<i>Mục</i>"'),
  date: datey, updated: datey, views: fc.nat().map(String), draft: fc.boolean().map(String),
  tags: fc.array(quoted, { maxLength: 4 }).map((a) => `[${a.join(', ')}]`),
  image: fc.constantFrom('../files/a.png', 'https://example.gov.vn/a.png', '"javascript:alert(1)"', 'khong-co.png', '/files/a.png'),
};
const field = fc.constantFrom(...FIELDS).chain((k) => fc.oneof({ weight: 4, arbitrary: GOOD[k] }, { weight: 1, arbitrary: value }).map((v) => `${k}: ${v}`));
const key = text.map((t) => t.replace(/[\n\r:]/g, '') || 'k');
const line = fc.oneof({ weight: 6, arbitrary: field }, { weight: 2, arbitrary: fc.tuple(key, value).map(([k, v]) => `${k}: ${v}`) }, { weight: 1, arbitrary: text });
/** Mostly valid title and date, so that parsing goes on to the other fields. */
const frontMatter = fc.tuple(fc.nat(3), fc.array(line, { maxLength: 5 }), fc.nat(7))
  .map(([valid, lines, dup]) => {
    const all = valid ? ['title: "Bài thử"', 'date: 2024-03-05 08:30', ...lines] : lines;
    // A key twice is a YAML error; let one document in eight keep its duplicates.
    const seen = new Set<string>();
    return all.filter((l) => dup === 0 || !seen.has(l.split(':')[0]) && !!seen.add(l.split(':')[0])).join('\n');
  });

const MD = ['# ', '## ', '> ', '- ', '* ', '1. ', '```', '~~~', '    ', '\n', '\n\n', '|a|b|\n|-|-|\n|c|d|', '[x](', '](', ')', '![', '[ref]: ', '<', '>', '*', '**', '_', '`',
  '\\', '---', '===', '&amp;', '&#0;', '&#x110000;', '<script>alert(1)</script>', '<!--', '-->', '<div>', 'www.example.com', 'https://example.gov.vn/a?b#c',
  'javascript:alert(1)', '../a.md', '../../files/x.pdf', 'bai-mot.md', '/tin-tuc/', '#muc', '%', '{{ x }}', '{% if %}', '$$', '^', '~~', '[ ]', '[x]'];
const markdown = fc.array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...MD) }, { weight: 2, arbitrary: text }), { maxLength: 40 }).map((a) => a.join(''));

const form = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('plain', 'bom', 'crlf') }, { weight: 1, arbitrary: fc.constantFrom('unclosed', 'no-fm', 'prefix') });
const document = fc.tuple(frontMatter, markdown, form, text).map(([fm, body, form, junk]) => {
  const doc = `---\n${fm}\n---\n${body}\n`;
  switch (form) {
    case 'bom': return `\uFEFF${doc}`;
    case 'crlf': return doc.replace(/\n/g, '\r\n');
    case 'unclosed': return `---\n${fm}\n${body}`;
    case 'no-fm': return body;
    case 'prefix': return `${junk}${doc}`;
    default: return doc;
  }
});

/** A document most likely to build: title, date and a few fields, each once; any Markdown. */
const goodDocument = fc.tuple(fc.uniqueArray(field, { maxLength: 4, selector: (l) => l.split(':')[0] }), markdown)
  .map(([lines, body]) => `---\ntitle: "Bài thử"\ndate: 2024-03-05 08:30\n${lines.filter((l) => !/^(title|date):/.test(l)).join('\n')}\n---\n${body}\n`);

const fileName = fc.oneof({ weight: 3, arbitrary: fc.constantFrom('bai-viet', 'Họp dân khu phố 3', '🎉 Lễ hội', 'index', 'trang', 'a b', '..a', 'x'.repeat(200)) },
  { weight: 3, arbitrary: fc.stringMatching(/^[a-zđăâêôơư0-9 -]{1,20}$/) }, { weight: 1, arbitrary: text })
  .map((t) => {
    let name = t.replace(/[/\0]/g, '');
    while (Buffer.byteLength(name) > 200) name = name.slice(0, -1);
    return name === '.' || name === '..' || !name ? 'x' : name;
  });

// ---- checks ----------------------------------------------------------------------------------

function checkProblems(problems: Problem[], files: string[], lineCount: (file: string) => number): void {
  for (const p of problems) {
    if (p.severity !== 'error') continue;
    expect(p.message, JSON.stringify(p)).toBeTruthy();
    expect(p.hint, `an error without a hint: ${JSON.stringify(p)}`).toBeTruthy();
    if (p.file && files.includes(p.file) && p.line !== undefined) {
      expect(Number.isInteger(p.line) && p.line >= 1 && p.line <= lineCount(p.file) + 1, `line ${p.line} of ${p.file}`).toBe(true);
    }
  }
}

/** Every path under a folder (relative), skipping one subfolder. */
function listing(dir: string, skip: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const abs = join(d, name);
      if (abs === skip) continue;
      out.push(relative(dir, abs));
      if (statSync(abs).isDirectory()) walk(abs);
    }
  };
  walk(dir);
  return out;
}

const report = { seed: SEED, seconds: SECONDS, parse: 0, parsedOk: 0, builds: 0, built: 0, failures: 0 };

describe(`fuzz (${SECONDS} s, seed ${SEED})`, () => {
  it('parseArticle: a reported problem or a sound article, never an exception', () => {
    fc.assert(fc.property(document, (doc) => {
      report.parse++;
      const problems = new ProblemList();
      let article;
      try {
        article = parseArticle(doc, 'content/tin-tuc/x.md', DEFAULT_CONFIG, problems);
      } catch (err) {
        if (!(err instanceof BuildFailure)) throw err;
        return;
      }
      checkProblems(problems.items, ['content/tin-tuc/x.md'], () => doc.split(/\r\n?|\n/).length);
      if (!article) {
        expect(problems.errorCount).toBeGreaterThan(0);
        return;
      }
      report.parsedOk++;
      expect(problems.errorCount).toBe(0);
      expect(article.title.trim()).not.toBe('');
      expect(article.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(Number.isFinite(article.date.epochMs) && Number.isFinite(article.updated.epochMs)).toBe(true);
      expect(Number.isSafeInteger(article.views) && article.views >= 0).toBe(true);
      for (const t of article.tagNames) expect(typeof t).toBe('string');
      if (article.image) expect(article.image).not.toMatch(/^\s*(javascript|data|vbscript):/i);
    }), { seed: SEED, numRuns: Number.MAX_SAFE_INTEGER, interruptAfterTimeLimit: SECONDS * 400 });
    expect(report.parse).toBeGreaterThan(20);
  }, SECONDS * 1000 + 60_000);

  it('whole builds: BuildFailure or a site, and nothing written outside --out', () => {
    const base = tempDir('fuzz');
    let n = 0;
    const site = fc.record({
      docs: fc.array(fc.tuple(fc.constantFrom('', 'tin-tuc/', 'tin-tuc/2024/', 'a b/'), fileName, fc.oneof({ weight: 6, arbitrary: goodDocument }, { weight: 1, arbitrary: document })), { minLength: 1, maxLength: 4 }),
      config: fc.oneof({ weight: 3, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.array(fc.oneof(fc.tuple(fc.constantFrom(...CONFIG_KEYS), value).map(([k, v]) => `${k}: ${v}`), line), { maxLength: 3 }) }),
      asset: fc.option(fc.tuple(fileName, fc.constantFrom('.pdf', '.png', '.html', '.xml', '.json', '')), { nil: null }),
    });
    fc.assert(fc.property(site, ({ docs, config, asset }) => {
      report.builds++;
      const root = join(base, `s${n++}`);
      const files: Record<string, string> = {};
      for (const [dir, name, doc] of docs) files[`content/${dir}${name}.md`] = doc;
      if (config) files['bantin.yaml'] = config.join('\n');
      if (asset) files[`content/files/${asset[0]}${asset[1]}`] = 'tệp đính kèm';
      for (const [path, content] of Object.entries(files)) {
        mkdirSync(join(root, path, '..'), { recursive: true });
        writeFileSync(join(root, path), content);
      }
      const parent = join(root, 'out');
      const out = join(parent, 'dist');
      mkdirSync(parent);
      const before = listing(root, out);
      try {
        build({ root, out, now: NOW });
        report.built++;
      } catch (err) {
        if (!(err instanceof BuildFailure)) throw err;
        report.failures++;
        checkProblems(err.problems, Object.keys(files), (f) => files[f].split(/\r\n?|\n/).length);
      }
      expect(listing(root, out), 'something was written outside --out').toEqual(before);
      rmSync(root, { recursive: true, force: true });
    }), { seed: SEED, numRuns: Number.MAX_SAFE_INTEGER, interruptAfterTimeLimit: SECONDS * 600 });
    rmSync(base, { recursive: true, force: true });
    console.log(`fuzz: ${JSON.stringify(report)}`);
    writeFileSync(join(tempDir('fuzz-report'), 'report.json'), JSON.stringify(report, null, 2));
    expect(report.builds).toBeGreaterThan(3);
  }, SECONDS * 1000 + 60_000);
});
