// How the candidate libraries for `bantin import` were chosen: DOMs for @mozilla/readability
// (linkedom, jsdom, happy-dom) and HTML→Markdown converters (turndown + a GFM plugin,
// node-html-markdown), on the made-up SharePoint and WordPress pages of the import tests.
// The candidates are not all dependencies: install them in a scratch folder first, e.g.
//   mkdir /dev/shm/libs && cd /dev/shm/libs && npm i @mozilla/readability linkedom jsdom happy-dom \
//     turndown turndown-plugin-gfm @joplin/turndown-plugin-gfm node-html-markdown markdown-it
//   LIBS=/dev/shm/libs node bench/compare-import-libs.mjs
import { createRequire } from 'node:module';
import { sample, sharePointPage, wordPressPage } from '../test/tools/fixtures/import/pages.mjs';

const require = createRequire(`${process.env.LIBS ?? process.cwd()}/package.json`);
const { Readability } = require('@mozilla/readability');
const MarkdownIt = require('markdown-it');
const md = new MarkdownIt();
const N = Number(process.env.N ?? 200);
const pages = [];
for (let i = 1; i <= N; i++) {
  const a = { ...sample(i), image: '/PublishingImages/anh.png', pdf: '/Documents/ke-hoach.pdf', url: `https://xa.gov.vn/?p=${i}`, iso: '2021-03-05T08:30:00+07:00', shown: '05/03/2021', tags: ['tiếp dân'] };
  pages.push(i % 2 ? sharePointPage(a) : wordPressPage(a));
}

const doms = {
  linkedom: () => { const { parseHTML } = require('linkedom'); return (html) => parseHTML(html).document; },
  jsdom: () => { const { JSDOM } = require('jsdom'); return (html) => new JSDOM(html, { url: 'https://xa.gov.vn/' }).window.document; },
  'happy-dom': () => { const { Window } = require('happy-dom'); return (html) => { const w = new Window({ url: 'https://xa.gov.vn/', settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true, disableJavaScriptFileLoading: true } }); w.document.write(html); return w.document; }; },
};

const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
function time(fn) {
  const runs = [];
  for (let r = 0; r < 3; r++) { const t = performance.now(); fn(); runs.push(performance.now() - t); }
  return median(runs);
}

console.log(`DOM + Readability on ${N} pages (median of 3 runs):`);
const contents = {};
for (const [name, make] of Object.entries(doms)) {
  const parse = make();
  let ok = 0, noise = 0, tables = 0;
  const parseMs = time(() => { for (const p of pages) parse(p); });
  const ms = time(() => {
    ok = noise = tables = 0;
    contents[name] = [];
    for (const p of pages) {
      const r = new Readability(parse(p)).parse();
      contents[name].push(r?.content ?? '');
      if (r?.content?.includes('Đoạn 6:') && r.content.includes('Lưu ý:')) ok++;
      if (/TIN MỚI HƠN|LIÊN KẾT WEB|Bài viết mới|Để lại bình luận/.test(r?.content ?? '')) noise++;
      if (/<table[\s\S]*Nhà văn hóa thôn Đông/.test(r?.content ?? '')) tables++;
    }
  });
  console.log(`  ${name.padEnd(10)} parse ${(parseMs / N).toFixed(2)} ms/page, parse+readability ${(ms / N).toFixed(2)} ms/page; whole body ${ok}/${N}, table kept ${tables}/${N}, noise in ${noise}/${N}`);
}

const converters = {
  'turndown + turndown-plugin-gfm': () => { const T = require('turndown'); const t = new T({ headingStyle: 'atx', codeBlockStyle: 'fenced' }); t.use(require('turndown-plugin-gfm').gfm); return (h) => t.turndown(h); },
  'turndown + @joplin/turndown-plugin-gfm': () => { const T = require('turndown'); const t = new T({ headingStyle: 'atx', codeBlockStyle: 'fenced' }); t.use(require('@joplin/turndown-plugin-gfm').gfm); return (h) => t.turndown(h); },
  'node-html-markdown': () => { const { NodeHtmlMarkdown } = require('node-html-markdown'); const n = new NodeHtmlMarkdown(); return (h) => n.translate(h); },
};
const html = contents.linkedom;
console.log(`\nHTML → Markdown on the ${N} extracted bodies, rendered back with markdown-it (html: false):`);
for (const [name, make] of Object.entries(converters)) {
  const convert = make();
  let table = 0, strong = 0, paras = 0, img = 0;
  let sample1 = '';
  const ms = time(() => {
    table = strong = paras = img = 0;
    for (const h of html) {
      const m = convert(h);
      sample1 ||= m;
      const out = md.render(m);
      if ((out.match(/<tr>/g) ?? []).length === 3 && !out.includes('&lt;table')) table++;
      if (/<strong>\s*Lưu ý:\s*<\/strong>/.test(out) && !out.includes('**')) strong++;
      if ((out.match(/<p>Đoạn \d/g) ?? []).length === 6) paras++;
      if (/<img src="\/PublishingImages\/anh.png"/.test(out)) img++;
    }
  });
  console.log(`  ${name.padEnd(40)} ${(ms / N).toFixed(2)} ms/page; table as GFM ${table}/${N}, bold with &nbsp; ${strong}/${N}, paragraphs ${paras}/${N}, image ${img}/${N}`);
  if (process.env.SHOW) console.log(sample1);
}
