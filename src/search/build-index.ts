// Builds the static search index for /tim-kiem/: one pass over the articles gathers postings,
// shards.ts writes them out. The browser side is templates/assets/search.js.
import type { OutputFile } from '../types.js';
import { IntList, PairTable } from './encode.js';
import { docShards, filterFiles, phraseShards, termShards, type Postings } from './shards.js';
import { TermTable } from './tokenize.js';

export interface SearchDoc {
  /** Absolute path including the base path, e.g. `/huyen/tin-tuc/abc/`. */
  url: string;
  title: string;
  summary: string;
  /** Plain text of the body. */
  text: string;
  /** The start of `text`, when it can be had without reading the whole of it. */
  textStart?(chars: number): string;
  category: string;
  categorySlug: string;
  author: string;
  /** ISO 8601 with offset. */
  date: string;
  /** Human date, e.g. `28/01/2020`. */
  dateLabel: string;
  year: number;
  /**
   * Changes whenever any field above does (a hash of them will do): with it, a build that keeps
   * an IndexMemo takes an unchanged document's postings from the last build instead of reading it.
   */
  key?: string;
}

/**
 * What the index keeps between builds, as plain data (a build cache stores it): every document's
 * postings records as collect() made them, in document order with its URL and the key they were
 * made from, and the term and phrase tables their ids refer to. A few large arrays rather than a
 * pair per document: a cached build reads them back whole.
 */
export interface IndexMemo {
  exact: string[];
  foldOf: number[];
  folds: string[];
  pairFirst: number[];
  pairSecond: number[];
  urls: string[];
  keys: string[];
  docLength: Float64Array;
  termDocEnds: Int32Array;
  phraseDocEnds: Int32Array;
  terms: Int32Array;
  phrases: Int32Array;
}

/**
 * Above this many documents no memo is kept: at 100,000 articles the postings alone are hundreds of
 * megabytes, more than the memory a build may use.
 */
export const MEMO_MAX_DOCS = 20_000;

export interface SearchIndexOptions {
  /** Term shards are cut once they pass this many bytes (one long posting list may pass it alone). */
  termShardBytes?: number;
  /** Average size aimed at for phrase shards. */
  phraseShardBytes?: number;
  /** Documents per document shard: a page of 10 results fetches up to 10 of these. */
  docsPerShard?: number;
}

/** Bumped when the file format changes, so a client can refuse an index it cannot read. */
export const INDEX_VERSION = 1;

// Weights of term occurrences by field. The title is not weighted here: it sets a flag that the
// client scores on its own, so a title hit outranks a few body hits whatever the body length.
const FIELDS: ReadonlyArray<readonly [keyof SearchDoc, number]> = [
  ['summary', 2],
  ['category', 2],
  ['author', 2],
  ['dateLabel', 1],
  ['text', 1],
];

/**
 * The files of the search index, paths relative to the output root, all under `search/`.
 * The same documents, in any order, give byte-identical files.
 */
export function buildSearchIndex(docs: SearchDoc[], options: SearchIndexOptions = {}, memory?: { search?: IndexMemo }): OutputFile[] {
  return [...searchIndexFiles(docs, options, memory)];
}

/**
 * The same files, made as they are taken, so a large index is never in memory all at once. With
 * `memory`, documents whose key is the one in `memory.search` are not read again, and
 * `memory.search` is replaced by this build's memo.
 */
export function* searchIndexFiles(docs: SearchDoc[], options: SearchIndexOptions = {}, memory?: { search?: IndexMemo }): Generator<OutputFile> {
  const sorted = orderDocs(docs);
  const keep = !!memory && docs.length <= MEMO_MAX_DOCS;
  const postings = collect(sorted, keep ? usableMemo(memory.search) : undefined, keep);
  if (memory) memory.search = postings.memo;
  // Scoped so the postings (hundreds of megabytes at 100,000 articles) go before the files are written.
  const { terms, phrases } = shardPostings(postings, options);
  const docsPerShard = options.docsPerShard ?? 4;
  const filters = filterFiles(sorted);
  // Key order is fixed here, so the file is stable byte for byte.
  const meta = {
    v: INDEX_VERSION,
    n: sorted.length,
    g: docsPerShard,
    p: phrases.count,
    t: terms.bounds,
    c: filters.categories,
    y: filters.years,
  };
  yield { path: 'search/meta.json', content: JSON.stringify(meta) };
  yield* terms.files;
  yield* phrases.files;
  yield* docShards(sorted, docsPerShard, filters.categoryIndex);
  yield* filters.files;
}

function shardPostings(postings: Postings, options: SearchIndexOptions) {
  const terms = termShards(postings, options.termShardBytes ?? 8000);
  postings.terms = null;
  const phrases = phraseShards(postings, options.phraseShardBytes ?? 12000);
  postings.phrases = null;
  return { terms, phrases };
}

/**
 * Newest first: document ids are positions in this order, so ranking ties fall to the newer
 * article, and each year is one contiguous id range (sorted by `year` first so that holds even
 * if a year and a date disagree).
 */
function orderDocs(docs: SearchDoc[]): SearchDoc[] {
  const time = new Map(docs.map((d) => [d, Date.parse(d.date) || 0]));
  return [...docs].sort(
    (a, b) => b.year - a.year || time.get(b)! - time.get(a)! || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0),
  );
}

/** A memo whose arrays agree with each other, else none (the index is then made afresh). */
function usableMemo(memo: IndexMemo | undefined): IndexMemo | undefined {
  if (!memo || !Array.isArray(memo.urls)) return undefined;
  const n = memo.urls.length;
  const fine = memo.foldOf.length === memo.exact.length && memo.pairFirst.length === memo.pairSecond.length
    && memo.keys.length === n && memo.docLength.length === n && memo.termDocEnds.length === n && memo.phraseDocEnds.length === n
    && (n === 0 || (memo.termDocEnds[n - 1] === memo.terms.length && memo.phraseDocEnds[n - 1] === memo.phrases.length));
  return fine ? memo : undefined;
}

/**
 * One pass over every field of every document; per token a Map lookup and a few array writes. A
 * document the memo has under the same key is copied from it instead. With `keep`, the result
 * carries the memo for the next build, unless the tables hold more ids no document uses than ids
 * in use (terms of deleted or edited text): the next build then starts them afresh.
 */
function collect(docs: SearchDoc[], memo: IndexMemo | undefined, keep: boolean): Postings & { memo?: IndexMemo } {
  const table = memo ? TermTable.restore(memo.exact, memo.foldOf, memo.folds) : new TermTable();
  const pairs = memo ? PairTable.restore(memo.pairFirst, memo.pairSecond) : new PairTable();
  const before = new Map(memo?.urls.map((url, i) => [url, i]));
  const terms = new IntList();
  const phrases = new IntList();
  const docLength = new Float64Array(docs.length);
  const termDocEnds = new Int32Array(docs.length);
  const phraseDocEnds = new Int32Array(docs.length);
  // Per-document scratch, indexed by variant or phrase id; `seen` holds the id of the document
  // that last touched the slot, so nothing needs clearing between documents.
  let termSeen = new Int32Array(1024);
  let termWeight = new Int32Array(1024);
  let termTitle = new Uint8Array(1024);
  let phraseSeen = new Int32Array(1024);
  let phraseTitle = new Uint8Array(1024);
  const touchedTerms: number[] = [];
  const touchedPhrases: number[] = [];

  for (let d = 0; d < docs.length; d++) {
    const doc = docs[d];
    const last = before.get(doc.url);
    if (last !== undefined && doc.key !== undefined && memo!.keys[last] === doc.key) {
      const { termDocEnds: t, phraseDocEnds: p } = memo!;
      terms.pushAll(memo!.terms.subarray(last > 0 ? t[last - 1] : 0, t[last]));
      termDocEnds[d] = terms.length;
      phrases.pushAll(memo!.phrases.subarray(last > 0 ? p[last - 1] : 0, p[last]));
      phraseDocEnds[d] = phrases.length;
      docLength[d] = memo!.docLength[last];
      continue;
    }
    const stamp = d + 1;
    let length = 0;
    for (let f = -1; f < FIELDS.length; f++) {
      const inTitle = f < 0;
      const value = inTitle ? doc.title : doc[FIELDS[f][0]];
      if (typeof value !== 'string' || value === '') continue;
      const weight = inTitle ? 0 : FIELDS[f][1];
      const n = table.scan(value);
      const ids = table.ids;
      if (termSeen.length < table.exact.length) {
        const size = table.exact.length * 2;
        termSeen = grow(termSeen, size);
        termWeight = grow(termWeight, size);
        termTitle = grow(termTitle, size);
      }
      let previous = -1;
      for (let j = 0; j < n; j++) {
        const v = ids[j] >> 1;
        if (termSeen[v] !== stamp) {
          termSeen[v] = stamp;
          termWeight[v] = 0;
          termTitle[v] = 0;
          touchedTerms.push(v);
        }
        if (inTitle) termTitle[v] = 1;
        else termWeight[v] += weight;
        length += weight;
        const fold = table.foldOf[v];
        if ((ids[j] & 1) === 0 && previous >= 0) {
          const p = pairs.id(previous, fold);
          if (p >= phraseSeen.length) {
            phraseSeen = grow(phraseSeen, p * 2);
            phraseTitle = grow(phraseTitle, p * 2);
          }
          if (phraseSeen[p] !== stamp) {
            phraseSeen[p] = stamp;
            phraseTitle[p] = 0;
            touchedPhrases.push(p);
          }
          if (inTitle) phraseTitle[p] = 1;
        }
        previous = fold;
      }
    }
    docLength[d] = length;
    for (const v of touchedTerms) terms.push2(v, (termWeight[v] << 1) | termTitle[v]);
    termDocEnds[d] = terms.length;
    for (const p of touchedPhrases) phrases.push((p << 1) | phraseTitle[p]);
    phraseDocEnds[d] = phrases.length;
    touchedTerms.length = 0;
    touchedPhrases.length = 0;
  }
  const postings = { table, pairs, terms, termDocEnds, phrases, phraseDocEnds, docLength };
  if (!keep || docs.some((d) => d.key === undefined) || !mostlyInUse(postings)) return postings;
  return {
    ...postings,
    memo: {
      exact: table.exact, foldOf: table.foldOf, folds: table.folds, pairFirst: pairs.firstOf, pairSecond: pairs.secondOf,
      urls: docs.map((d) => d.url), keys: docs.map((d) => d.key!), docLength, termDocEnds, phraseDocEnds,
      terms: terms.data.slice(0, terms.length), phrases: phrases.data.slice(0, phrases.length),
    },
  };
}

function mostlyInUse(p: Postings): boolean {
  const variants = new Uint8Array(p.table.exact.length);
  const phrases = new Uint8Array(p.pairs.size);
  let usedVariants = 0;
  let usedPhrases = 0;
  const terms = p.terms!.data;
  for (let i = 0; i < p.terms!.length; i += 2) {
    if (variants[terms[i]] === 0) {
      variants[terms[i]] = 1;
      usedVariants++;
    }
  }
  const pairs = p.phrases!.data;
  for (let i = 0; i < p.phrases!.length; i++) {
    if (phrases[pairs[i] >> 1] === 0) {
      phrases[pairs[i] >> 1] = 1;
      usedPhrases++;
    }
  }
  return variants.length <= 2 * usedVariants + 1024 && phrases.length <= 2 * usedPhrases + 4096;
}

function grow<T extends Int32Array | Uint8Array>(a: T, size: number): T {
  const next = new (a.constructor as new (n: number) => T)(Math.max(size, a.length * 2));
  next.set(a);
  return next;
}
