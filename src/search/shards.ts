// Writes the index files. Every list of document ids is stored as gaps (id minus previous id
// minus one) in the NumberWriter encoding, so the dense lists of common syllables cost about
// one character per document.
import type { OutputFile } from '../types.js';
import type { SearchDoc } from './build-index.js';
import { IntList, NumberWriter, PairTable, groupByKey, groupFlagged, hashKey } from './encode.js';
import type { TermTable } from './tokenize.js';

export interface Postings {
  table: TermTable;
  pairs: PairTable;
  /** Records of 2, document by document: variant id, weight << 1 | in-title. Null once shards are made. */
  terms: IntList | null;
  /** Where each document's records in `terms` end. */
  termDocEnds: Int32Array;
  /** Records of 1, document by document: phrase id << 1 | in-title. Null once shards are made. */
  phrases: IntList | null;
  /** Where each document's records in `phrases` end. */
  phraseDocEnds: Int32Array;
  /** Weighted length of each document without its title, for length normalisation. */
  docLength: Float64Array;
}

const K1 = 1.2;
const B = 0.75;
/** Impacts are quantised to 0..15 so that, with the title flag, a posting's value fits one character. */
const IMPACT_MAX = 15;
const LEAD_CHARS = 280;

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * search/t/N.json: `{"dai":{"đai":POSTINGS,"đại":POSTINGS},…}`, folded terms in code-unit
 * order, cut into shards by size. `bounds` (meta.t) holds the first term of every shard after
 * the first, so the client finds a term's shard (the number of bounds not after it), and the
 * terms sharing a prefix sit in one shard or a few adjacent ones.
 * POSTINGS: per document, its id gap, then impact << 1 | in-title.
 */
export function termShards(p: Postings, shardBytes: number): { files: OutputFile[]; bounds: string[] } {
  const { table, docLength } = p;
  const { start, docs: ids, values } = groupByKey(p.terms!, table.exact.length, p.termDocEnds);
  let total = 0;
  for (const l of docLength) total += l;
  const average = total / Math.max(1, docLength.length) || 1;
  // BM25's saturating term frequency with length normalisation, scaled to 0..IMPACT_MAX.
  const impact = (weight: number, d: number): number => {
    if (weight === 0) return 0;
    const norm = K1 * (1 - B + (B * docLength[d]) / average);
    return Math.round((weight / (weight + norm)) * IMPACT_MAX);
  };
  const variantsOf: number[][] = table.folds.map(() => []);
  table.exact.forEach((_, v) => variantsOf[table.foldOf[v]].push(v));
  const folds = table.folds.map((_, f) => f).sort((a, b) => compare(table.folds[a], table.folds[b]));
  const writer = new NumberWriter();
  const shards: string[][] = [[]];
  const bounds: string[] = [];
  let bytes = 0;
  for (const f of folds) {
    const parts: string[] = [];
    for (const v of variantsOf[f].sort((a, b) => compare(table.exact[a], table.exact[b]))) {
      // A table kept from an earlier build may hold terms no document has any more.
      if (start[v] === start[v + 1]) continue;
      let previous = -1;
      for (let k = start[v]; k < start[v + 1]; k++) {
        const d = ids[k];
        writer.put(d - previous - 1);
        writer.put((impact(values[k] >> 1, d) << 1) | (values[k] & 1));
        previous = d;
      }
      parts.push(`${JSON.stringify(table.exact[v])}:"${writer.take()}"`);
    }
    if (parts.length === 0) continue;
    const entry = `${JSON.stringify(table.folds[f])}:{${parts.join(',')}}`;
    const size = Buffer.byteLength(entry) + 1;
    if (bytes > 0 && bytes + size > shardBytes) {
      shards.push([]);
      bounds.push(table.folds[f]);
      bytes = 0;
    }
    shards[shards.length - 1].push(entry);
    bytes += size;
  }
  const files = shards.map((entries, i) => ({ path: `search/t/${i}.json`, content: `{${entries.join(',')}}` }));
  return { files, bounds };
}

/**
 * search/p/N.json: `{"dat dai":POSTINGS,…}` for every pair of adjacent syllables (folded),
 * POSTINGS being per document its id gap << 1 | in-title. A pair lives in shard
 * hashKey(first + " " + first letter of second) % count (count is meta.p), so all pairs that
 * can complete a phrase whose last syllable is still being typed (`dat d…`) share one shard.
 */
export function phraseShards(p: Postings, shardBytes: number): { files: Iterable<OutputFile>; count: number } {
  const { table, pairs } = p;
  const { start, values } = groupFlagged(p.phrases!, pairs.size, p.phraseDocEnds);
  const writer = new NumberWriter();
  const entries: Array<{ key: string; group: string; entry: string }> = [];
  let total = 0;
  for (let id = 0; id < pairs.size; id++) {
    if (start[id] === start[id + 1]) continue;
    const first = table.folds[pairs.firstOf[id]];
    const second = table.folds[pairs.secondOf[id]];
    let previous = -1;
    for (let k = start[id]; k < start[id + 1]; k++) {
      const value = values[k];
      const d = value >> 1;
      writer.put(((d - previous - 1) << 1) | (value & 1));
      previous = d;
    }
    const key = `${first} ${second}`;
    const entry = `${JSON.stringify(key)}:"${writer.take()}"`;
    total += Buffer.byteLength(entry) + 1;
    entries.push({ key, group: `${first} ${second.charAt(0)}`, entry });
  }
  const count = Math.max(1, Math.round(total / shardBytes));
  const buckets: Array<typeof entries> = Array.from({ length: count }, () => []);
  for (const e of entries) buckets[hashKey(e.group) % count].push(e);
  // Made as they are taken: joined, the shards would be a second copy of every entry at once.
  function* files(): Generator<OutputFile> {
    for (let i = 0; i < count; i++) {
      const bucket = buckets[i].sort((a, b) => compare(a.key, b.key));
      buckets[i] = [];
      yield { path: `search/p/${i}.json`, content: `{${bucket.map((e) => e.entry).join(',')}}` };
    }
  }
  return { files: files(), count };
}

/**
 * search/d/N.json: documents N*size .. N*size+size-1, each
 * `[url, title, date (ISO), date label, category index in meta.c or -1, summary, lead]`,
 * the lead being the start of the body, for an excerpt when the summary has no match.
 */
export function* docShards(docs: SearchDoc[], size: number, categoryIndex: Map<string, number>): Generator<OutputFile> {
  // One file at a time: at 100,000 articles the shards hold 100 MB of text.
  for (let first = 0; first < docs.length; first += size) {
    const records = docs.slice(first, first + size).map((d) => [
      d.url,
      d.title,
      d.date,
      d.dateLabel,
      categoryIndex.get(d.categorySlug) ?? -1,
      d.summary,
      lead(d.textStart ? d.textStart(LEAD_CHARS + 200) : d.text.slice(0, LEAD_CHARS + 200)),
    ]);
    yield { path: `search/d/${first / size}.json`, content: JSON.stringify(records) };
  }
}

/** An excerpt of the first LEAD_CHARS + 200 characters of the body (only they are read: a regex over whole bodies would cost more than the index). */
function lead(start: string): string {
  const head = start.replace(/\s+/g, ' ').trim();
  if (head.length <= LEAD_CHARS) return head;
  const cut = head.lastIndexOf(' ', LEAD_CHARS);
  return `${head.slice(0, cut > LEAD_CHARS / 2 ? cut : LEAD_CHARS)}…`;
}

/**
 * Filters. Years are id ranges (documents are ordered by year), listed in meta.y as
 * `[year, first id, count]`, newest first. Categories are listed in meta.c as
 * `[name, slug, count]` by name, and search/c/N.json holds the ids of category N as a gap string.
 */
export function filterFiles(docs: SearchDoc[]): {
  files: OutputFile[];
  categories: Array<[string, string, number]>;
  years: Array<[number, number, number]>;
  categoryIndex: Map<string, number>;
} {
  const years: Array<[number, number, number]> = [];
  const members = new Map<string, { name: string; ids: number[] }>();
  docs.forEach((d, id) => {
    const last = years[years.length - 1];
    if (last && last[0] === d.year) last[2]++;
    else years.push([d.year, id, 1]);
    if (!d.categorySlug) return;
    let c = members.get(d.categorySlug);
    if (!c) members.set(d.categorySlug, (c = { name: d.category, ids: [] }));
    c.ids.push(id);
  });
  const collator = new Intl.Collator('vi');
  const slugs = [...members.keys()].sort(
    (a, b) => collator.compare(members.get(a)!.name, members.get(b)!.name) || compare(a, b),
  );
  const writer = new NumberWriter();
  const files = slugs.map((slug, i) => {
    let previous = -1;
    for (const id of members.get(slug)!.ids) {
      writer.put(id - previous - 1);
      previous = id;
    }
    return { path: `search/c/${i}.json`, content: JSON.stringify(writer.take()) };
  });
  const categories = slugs.map((s): [string, string, number] => [members.get(s)!.name, s, members.get(s)!.ids.length]);
  return { files, categories, years, categoryIndex: new Map(slugs.map((s, i) => [s, i])) };
}
