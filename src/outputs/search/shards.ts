// Cuts the encoded entries (entries.ts) into the index files, and writes the document and filter files.
import type { OutputFile } from '../../base/types.js';
import type { SearchDoc } from './docs.js';
import { NumberWriter, hashKey, type PairTable } from './encode.js';
import { phraseKey, type Encoded } from './entries.js';
import type { TermTable } from './tokenize.js';

const LEAD_CHARS = 280;

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * search/t/N.json: `{"dai":{"đai":POSTINGS,"đại":POSTINGS},…}`, folded terms in code-unit
 * order, cut into shards by size. `bounds` (meta.t) holds the first term of every shard after
 * the first, so the client finds a term's shard (the number of bounds not after it), and the
 * terms sharing a prefix sit in one shard or a few adjacent ones.
 */
export function termShards(table: TermTable, terms: Encoded, shardBytes: number, release = false): { files: Iterable<OutputFile>; bounds: string[] } {
  const folds = table.folds.map((_, f) => f).sort((a, b) => compare(table.folds[a], table.folds[b]));
  // Where shards start, from the entries' sizes alone: the files are joined only as they are taken.
  const starts: number[] = [];
  const bounds: string[] = [];
  let bytes = 0;
  folds.forEach((f, i) => {
    const size = terms.sizes[f];
    if (size === 0) return;
    if (starts.length === 0 || (bytes > 0 && bytes + size > shardBytes)) {
      if (starts.length > 0) bounds.push(table.folds[f]);
      starts.push(i);
      bytes = 0;
    }
    bytes += size;
  });
  if (starts.length === 0) starts.push(0);
  starts.push(folds.length);
  function* files(): Generator<OutputFile> {
    for (let n = 0; n + 1 < starts.length; n++) {
      const shard = folds.slice(starts[n], starts[n + 1]).filter((f) => terms.sizes[f] > 0);
      yield { path: `search/t/${n}.json`, content: `{${shard.map((f) => terms.entries[f]).join(',')}}` };
      // With `release`, each entry goes once written (at 100,000 articles they are a hundred megabytes).
      if (release) for (const f of shard) terms.entries[f] = '';
    }
  }
  return { files: files(), bounds };
}

/**
 * search/p/N.json: `{"dat dai":POSTINGS,…}` for every pair of adjacent syllables (folded). A pair
 * lives in shard hashKey(first + " " + first letter of second) % count (count is meta.p), so all
 * pairs that can complete a phrase whose last syllable is still being typed (`dat d…`) share one shard.
 */
export function phraseShards(table: TermTable, pairs: PairTable, phrases: Encoded, shardBytes: number, release = false): { files: Iterable<OutputFile>; count: number } {
  let total = 0;
  for (const size of phrases.sizes) total += size;
  const count = Math.max(1, Math.round(total / shardBytes));
  const buckets: number[][] = Array.from({ length: count }, () => []);
  for (let id = 0; id < pairs.size; id++) {
    if (phrases.sizes[id] === 0) continue;
    const group = `${table.folds[pairs.firstOf[id]]} ${table.folds[pairs.secondOf[id]].charAt(0)}`;
    buckets[hashKey(group) % count].push(id);
  }
  // Made as they are taken: joined, the shards would be a second copy of every entry at once.
  function* files(): Generator<OutputFile> {
    for (let i = 0; i < count; i++) {
      const bucket = buckets[i].map((id) => ({ key: phraseKey(table, pairs, id), entry: phrases.entries[id] })).sort((a, b) => compare(a.key, b.key));
      const ids = buckets[i];
      buckets[i] = [];
      yield { path: `search/p/${i}.json`, content: `{${bucket.map((e) => e.entry).join(',')}}` };
      if (release) for (const id of ids) phrases.entries[id] = '';
    }
  }
  return { files: files(), count };
}

/** The last build's document shards, when ids and categories are the same; `changed` flags documents by id. */
export interface DocShardReuse {
  last: string[];
  changed: Uint8Array;
}

/**
 * search/d/N.json: documents N*size .. N*size+size-1, each
 * `[url, title, date (ISO), date label, category index in meta.c or -1, summary, lead]`,
 * the lead being the start of the body, for an excerpt when the summary has no match.
 */
export function* docShards(docs: SearchDoc[], size: number, categoryIndex: Map<string, number>, reuse: DocShardReuse | null = null): Generator<OutputFile> {
  // One file at a time: at 100,000 articles the shards hold 100 MB of text.
  for (let first = 0; first < docs.length; first += size) {
    const last = reuse?.last[first / size];
    if (last !== undefined && !reuse!.changed.subarray(first, first + size).includes(1)) {
      yield { path: `search/d/${first / size}.json`, content: last };
      continue;
    }
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
