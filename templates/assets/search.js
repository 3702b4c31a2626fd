// Search for bantin sites: the ranking core and the /tim-kiem/ page. Plain script, no build step.
// In a page (classic or module script) it wires up #search-form; imported in Node (the tests) it
// only sets globalThis.BantinSearch. Tokenizing and folding mirror src/search/fold.ts and
// tokenize.ts, decoding mirrors src/search/encode.ts and shards.ts; the tests run both sides
// on the same inputs.
(() => {
  'use strict';
  const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_';
  const DIGIT = new Uint8Array(128);
  for (let i = 0; i < 64; i++) DIGIT[ALPHABET.charCodeAt(i)] = i;
  const MAX_TOKEN = 40;
  const SOFT = ' \t\u00a0\u2009\u202f-*_';
  const MAX_WORDS = 8;
  // A short last syllable may match hundreds of terms; past this many shards the rest are left out.
  const MAX_PREFIX_SHARDS = 4;
  // Weight of a title hit against a body hit (0..1 after saturation), and of a phrase hit.
  const TITLE = 1.5;
  const PHRASE = 0.5;
  // Score factor by match quality: 0 prefix only, 1 same letters other diacritics, 2 as typed.
  const FACTOR = [0.5, 0.6, 1];
  const PAGE = 10;

  const fold = (s) => s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd');
  const exact = (s) => s.normalize('NFC').toLowerCase();

  /** Syllables of s: exact and folded forms, whether a phrase breaks before it, and its span in s. */
  function tokenize(s) {
    const out = [];
    let brk = true;
    let last = 0;
    for (const m of s.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
      for (const ch of s.slice(last, m.index)) if (!SOFT.includes(ch)) brk = true;
      last = m.index + m[0].length;
      const e = exact(m[0]);
      const f = fold(e);
      if (m[0].length > MAX_TOKEN || !f) brk = true;
      else {
        out.push({ exact: e, fold: f, brk, start: m.index, end: last });
        brk = false;
      }
    }
    return out;
  }

  function hash(s) {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return h >>> 0;
  }

  function numbers(s) {
    const out = [];
    for (let i = 0, n = 0, scale = 1; i < s.length; i++) {
      const v = DIGIT[s.charCodeAt(i)];
      n += (v & 31) * scale;
      if (v & 32) scale *= 32;
      else {
        out.push(n);
        n = 0;
        scale = 1;
      }
    }
    return out;
  }

  /** load(path) resolves to the parsed JSON of an index file, path relative to the index root. */
  function createEngine(load) {
    const cache = new Map();
    const get = (path) => {
      if (!cache.has(path)) cache.set(path, Promise.resolve(path).then(load).catch((e) => {
        cache.delete(path);
        throw e;
      }));
      return cache.get(path);
    };
    const meta = () => get('meta.json');

    /** Uint8Array of the documents the filters let through, or null when there are no filters. */
    async function allowed(m, { category, year } = {}) {
      let mask = null;
      if (year) {
        const y = m.y.find((r) => String(r[0]) === String(year));
        mask = new Uint8Array(m.n);
        if (y) mask.fill(1, y[1], y[1] + y[2]);
      }
      if (category) {
        const c = m.c.findIndex((r) => r[1] === category);
        const ids = c < 0 ? [] : numbers(await get(`c/${c}.json`));
        const inCategory = new Uint8Array(m.n);
        for (let k = 0, d = -1; k < ids.length; k++) inCategory[(d += ids[k] + 1)] = 1;
        mask = mask ? mask.map((v, d) => v & inCategory[d]) : inCategory;
      }
      return mask;
    }

    /**
     * Document ids for a query, best first. Only documents matching the most query syllables
     * are kept (all of them, when any document has all); they are ordered by how many adjacent
     * query pairs they hold as phrases, then how closely the diacritics match, then a BM25-like
     * score with title and phrase bonuses, then newest first. The last syllable also matches
     * as a prefix, unless the query ends in a space. An empty query lists the filtered documents.
     */
    async function search(query, filters) {
      const m = await meta();
      if (m.v !== 1) throw new Error(`search index version ${m.v} is not supported`);
      const n = m.n;
      const words = tokenize(query).slice(0, MAX_WORDS);
      const prefix = words.length > 0 && words[words.length - 1].end === query.length;
      const isPrefix = (i) => prefix && i === words.length - 1;
      const masking = allowed(m, filters);
      if (!words.length) {
        const mask = await masking;
        return { ids: mask ? [...mask.keys()].filter((d) => mask[d]) : [], words, prefix };
      }
      // meta.t holds the first term of each term shard but the first: count those up to key.
      const shardOf = (key) => m.t.filter((first) => first <= key).length;
      const termFiles = (w, i) => {
        const first = shardOf(w.fold);
        const last = isPrefix(i) ? Math.min(shardOf(`${w.fold}\uffff`), first + MAX_PREFIX_SHARDS - 1) : first;
        return Promise.all(Array.from({ length: last - first + 1 }, (_, k) => get(`t/${first + k}.json`)));
      };
      const pairFile = (w, i) => i > 0 && !w.brk && get(`p/${hash(`${words[i - 1].fold} ${w.fold[0]}`) % m.p}.json`);
      const [mask, termShards, pairShards] = await Promise.all([
        masking, Promise.all(words.map(termFiles)), Promise.all(words.map(pairFile)),
      ]);
      const cover = new Uint8Array(n);
      const quality = new Uint8Array(n);
      const phrase = new Uint8Array(n);
      const score = new Float64Array(n);
      const bestQuality = new Int8Array(n);
      const bestScore = new Float64Array(n);
      const seen = new Int32Array(n);
      let stamp = 0;
      const idf = (df) => Math.log(1 + (n - df + 0.5) / (df + 0.5));
      const matches = (key, wanted, i) => key === wanted || (isPrefix(i) && key.startsWith(wanted));

      words.forEach((w, i) => {
        const marked = w.exact !== w.fold;
        bestQuality.fill(-1);
        bestScore.fill(0);
        for (const shard of termShards[i]) for (const term in shard) {
          if (!matches(term, w.fold, i)) continue;
          // Postings are per spelling; the term's document frequency is over all of them.
          const lists = [];
          let df = 0;
          stamp++;
          for (const variant in shard[term]) {
            const list = numbers(shard[term][variant]);
            for (let k = 0, d = -1; k < list.length; k += 2) {
              list[k] = d += list[k] + 1;
              if (seen[d] !== stamp) df++;
              seen[d] = stamp;
            }
            lists.push([variant, list]);
          }
          for (const [variant, list] of lists) {
            const q = term !== w.fold ? 0 : marked && variant !== w.exact ? 1 : 2;
            const weight = idf(df) * FACTOR[q];
            for (let k = 0; k < list.length; k += 2) {
              const d = list[k];
              bestQuality[d] = Math.max(bestQuality[d], q);
              bestScore[d] = Math.max(bestScore[d], weight * ((list[k + 1] >> 1) / 15 + (list[k + 1] & 1) * TITLE));
            }
          }
        }
        for (let d = 0; d < n; d++) if (bestQuality[d] >= 0) {
          cover[d]++;
          quality[d] += bestQuality[d];
          score[d] += bestScore[d];
        }
        if (!pairShards[i]) return;
        const wanted = `${words[i - 1].fold} ${w.fold}`;
        stamp++;
        for (const key in pairShards[i]) {
          if (!matches(key, wanted, i)) continue;
          const list = numbers(pairShards[i][key]);
          const weight = idf(list.length);
          for (let k = 0, d = -1; k < list.length; k++) {
            d += (list[k] >> 1) + 1;
            if (seen[d] === stamp) continue;
            seen[d] = stamp;
            phrase[d]++;
            score[d] += weight * (PHRASE + (list[k] & 1) * TITLE);
          }
        }
      });
      const ok = (d) => !mask || mask[d];
      const most = cover.reduce((max, c, d) => (c > max && ok(d) ? c : max), 0);
      const ids = [];
      for (let d = 0; d < n; d++) if (most && cover[d] === most && ok(d)) ids.push(d);
      ids.sort((a, b) => phrase[b] - phrase[a] || quality[b] - quality[a] || score[b] - score[a] || a - b);
      return { ids, words, prefix };
    }

    /** Records `[url, title, date, date label, category index, summary, lead]` of the given ids. */
    async function docs(ids) {
      const m = await meta();
      return Promise.all(ids.map(async (id) => (await get(`d/${Math.floor(id / m.g)}.json`))[id % m.g]));
    }

    return { meta, search, docs };
  }

  /** Splits text into [text, isMatch] runs, matches being the query's syllables (the last also as a prefix). */
  function highlight(text, words, prefix) {
    const full = new Set(words.map((w) => w.fold));
    const stem = prefix && words.length ? words[words.length - 1].fold : null;
    const runs = [];
    let at = 0;
    for (const t of tokenize(text)) {
      if (!full.has(t.fold) && !(stem && t.fold.startsWith(stem))) continue;
      if (t.start > at) runs.push([text.slice(at, t.start), false]);
      runs.push([text.slice(t.start, t.end), true]);
      at = t.end;
    }
    if (at < text.length) runs.push([text.slice(at), false]);
    return runs;
  }

  /** The summary, or else the body's lead, whichever shows a match, cut to about max characters around it. */
  function excerpt(record, words, prefix, max = 240) {
    const sources = [record[5], record[6]].filter(Boolean);
    let text = sources[0] || '';
    let from = 0;
    for (const s of sources) {
      const runs = highlight(s, words, prefix);
      const hit = runs.findIndex((r) => r[1]);
      if (hit < 0) continue;
      text = s;
      from = runs.slice(0, hit).reduce((sum, r) => sum + r[0].length, 0);
      break;
    }
    if (text.length > max) {
      const start = from > 60 ? Math.min(from, text.indexOf(' ', from - 60) + 1) : 0;
      let end = text.lastIndexOf(' ', start + max);
      if (end <= from) end = start + max;
      text = (start > 0 ? '…' : '') + text.slice(start, end).trim() + (end < text.length ? '…' : '');
    }
    return highlight(text, words, prefix);
  }

  globalThis.BantinSearch = { fold, exact, tokenize, hash, numbers, createEngine, highlight, excerpt };
  if (typeof document === 'undefined') return;
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', page);
  else page();

  function page() {
    const form = document.getElementById('search-form');
    const out = document.getElementById('search-results');
    if (!form || !out) return;
    const stringsEl = document.getElementById('search-strings');
    const S = {
      prompt: 'Nhập từ khóa để tìm kiếm',
      loading: 'Đang tìm…',
      results: 'Tìm thấy {n} kết quả cho “{q}”',
      listed: 'Có {n} bài viết',
      none: 'Không tìm thấy kết quả nào',
      more: 'Xem tiếp',
      error: 'Không tải được dữ liệu tìm kiếm. Vui lòng thử lại.',
      ...(stringsEl ? JSON.parse(stringsEl.textContent) : {}),
    };
    const base = (out.dataset.index || 'search/').replace(/\/?$/, '/');
    const engine = createEngine((path) => fetch(base + path).then((r) => {
      if (!r.ok) throw new Error(`${r.status} ${base}${path}`);
      return r.json();
    }));
    const { q: input, category, year } = form.elements;
    const params = new URLSearchParams(location.search);
    const number = new Intl.NumberFormat(document.documentElement.lang || 'vi');
    const format = (s, values) => s.replace(/\{(\w+)\}/g, (all, k) => (k in values ? values[k] : all));
    const value = (select) => (select ? select.value : '');
    const el = (tag, className, ...children) => {
      const node = document.createElement(tag);
      if (className) node.className = className;
      node.append(...children);
      return node;
    };
    // Only text nodes and <mark> elements: index data never reaches the page as markup.
    const marked = (node, runs) => {
      for (const [text, hit] of runs) node.append(hit ? el('mark', null, text) : text);
      return node;
    };
    const show = (text) => out.replaceChildren(el('p', 'search-status', text));
    let current = 0;
    input.value = params.get('q') || '';

    async function run() {
      const mine = ++current;
      const filters = { category: value(category), year: value(year) };
      if (!input.value.trim() && !filters.category && !filters.year) return show(S.prompt);
      show(S.loading);
      out.setAttribute('aria-busy', 'true');
      try {
        const [m, result] = await Promise.all([engine.meta(), engine.search(input.value, filters)]);
        if (mine === current) await render(m, result, input.value.trim(), () => mine === current);
      } catch (e) {
        if (mine === current) show(S.error);
        console.error(e);
      } finally {
        if (mine === current) out.removeAttribute('aria-busy');
      }
    }

    async function render(m, { ids, words, prefix }, q, live) {
      if (!ids.length) return show(format(S.none, { q }));
      const list = el('ol', 'search-list');
      const more = el('button', 'search-more', S.more);
      more.type = 'button';
      const next = async () => {
        const shown = list.children.length;
        more.disabled = true;
        const records = await engine.docs(ids.slice(shown, shown + PAGE));
        if (!live()) return;
        const items = records.map((r) => {
          const link = marked(el('a'), highlight(r[1], words, prefix));
          link.href = r[0];
          const time = el('time', null, r[3]);
          time.dateTime = r[2];
          const meta = el('p', 'search-result-meta', time);
          if (m.c[r[4]]) meta.append(' · ', el('span', 'search-result-category', m.c[r[4]][0]));
          const excerptEl = marked(el('p', 'search-result-excerpt'), excerpt(r, words, prefix));
          return el('li', 'search-result', el('h2', 'search-result-title', link), meta, excerptEl);
        });
        list.append(...items);
        // After "more", move focus to the first new result so keyboard users continue from there.
        if (shown > 0) items[0].querySelector('a').focus();
        more.disabled = false;
        more.hidden = list.children.length >= ids.length;
      };
      more.addEventListener('click', () => next().catch((e) => console.error(e)));
      await next();
      if (live()) out.replaceChildren(el('p', 'search-status', format(q ? S.results : S.listed, { n: number.format(ids.length), q })), list, more);
    }

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const query = new URLSearchParams();
      for (const [k, v] of [['q', input.value.trim()], ['category', value(category)], ['year', value(year)]]) if (v) query.set(k, v);
      const search = query.toString();
      history.replaceState(history.state, '', search ? `?${search}` : location.pathname);
      run();
    });

    const fill = (select, options, wanted) => {
      if (!select) return;
      if (select.options.length <= 1) for (const [v, label] of options) select.append(new Option(label, v));
      if ([...select.options].some((o) => o.value === wanted)) select.value = wanted;
    };
    engine.meta().then((m) => {
      fill(category, m.c.map((c) => [c[1], c[0]]), params.get('category'));
      fill(year, m.y.map((y) => [String(y[0]), String(y[0])]), params.get('year'));
    }).catch(() => {}).then(run);
  }
})();
