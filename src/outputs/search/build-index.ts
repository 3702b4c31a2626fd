// Builds the static search index for /tim-kiem/: one pass over the articles gathers postings,
// shards.ts writes them out. The browser side is templates/assets/search.js.
import type { OutputFile } from '../../base/types.js';
import { IntList, PairTable } from './encode.js';
import { averageLength, phraseEntries, termEntries, type Postings } from './entries.js';
import { changesSince, MEMO_MAX_DOCS, memoOf, mostlyInUse, usableMemo, type IndexMemo } from './memo.js';
import { docShards, filterFiles, phraseShards, termShards } from './shards.js';
import { TermTable } from './tokenize.js';
import type { SearchDoc } from './docs.js';

export { MEMO_MAX_DOCS, type IndexMemo } from './memo.js';
export type { SearchDoc } from './docs.js';

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
 * `memory`, what `memory.search` holds of the last build is used where nothing changed, and
 * `memory.search` is replaced by this build's memo once the last file is taken.
 */
export function* searchIndexFiles(docs: SearchDoc[], options: SearchIndexOptions = {}, memory?: { search?: IndexMemo }): Generator<OutputFile> {
  for (const file of searchIndexSteps(docs, options, memory)) if (file) yield file;
}

/**
 * searchIndexFiles with an `undefined` between steps of the work before and between the files, so
 * that the dev server can let a save through meanwhile. Dropped midway, it leaves `memory` as it was.
 */
export function* searchIndexSteps(docs: SearchDoc[], options: SearchIndexOptions = {}, memory?: { search?: IndexMemo }): Generator<OutputFile | undefined> {
  const sorted = orderDocs(docs);
  const keep = !!memory && docs.length <= MEMO_MAX_DOCS;
  const memo = keep ? usableMemo(memory.search) : undefined;
  const { postings, reread } = yield* collect(sorted, memo);
  const changes = memo ? changesSince(memo, sorted, postings, reread) : null;
  const next = keep ? memoOf(sorted, postings) : undefined;
  const made = memo?.made;
  const average = averageLength(postings.docLength);
  // Made in turn, each list of postings let go once encoded: at 100,000 articles they are hundreds of megabytes.
  const terms = yield* termEntries(postings, average, made && made.average === average ? made.terms : null, changes);
  postings.terms = null;
  const phrases = yield* phraseEntries(postings, made?.phrases ?? null, changes);
  postings.phrases = null;
  // Without a memo to keep them for, the entries are let go as their shards are written.
  const termFiles = termShards(postings.table, terms, options.termShardBytes ?? 8000, !next);
  const phraseFiles = phraseShards(postings.table, postings.pairs, phrases, options.phraseShardBytes ?? 12000, !next);
  const docsPerShard = options.docsPerShard ?? 4;
  const filters = filterFiles(sorted);
  // Key order is fixed here, so the file is stable byte for byte.
  const meta = {
    v: INDEX_VERSION,
    n: sorted.length,
    g: docsPerShard,
    p: phraseFiles.count,
    t: termFiles.bounds,
    c: filters.categories,
    y: filters.years,
  };
  yield { path: 'search/meta.json', content: JSON.stringify(meta) };
  yield* termFiles.files;
  yield* phraseFiles.files;
  const categories = JSON.stringify([...filters.categoryIndex.keys()]);
  const sameShards = changes && made && made.docsPerShard === docsPerShard && made.categories === categories;
  const docFiles: string[] = [];
  for (const file of docShards(sorted, docsPerShard, filters.categoryIndex, sameShards ? { last: made.docShards, changed: changes.docs } : null)) {
    if (next) docFiles.push(file.content as string);
    yield file;
  }
  yield* filters.files;
  if (memory) memory.search = next && mostlyInUse(terms, phrases) ? { ...next, made: { average, terms, phrases, docsPerShard, categories, docShards: docFiles } } : undefined;
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

/** Documents read between two steps. */
const DOCS_PER_STEP = 250;
/** Every this many documents, the postings lists are sized for all from what these took. */
const SIZE_FROM = 1000;

/**
 * One pass over every field of every document; per token a Map lookup and a few array writes. A
 * document the memo has under the same key is copied from it instead; `reread` lists the others.
 */
function* collect(docs: SearchDoc[], memo: IndexMemo | undefined): Generator<undefined, { postings: Postings; reread: number[] }> {
  const table = memo ? TermTable.restore(memo.exact, memo.foldOf, memo.folds) : new TermTable();
  const pairs = memo ? PairTable.restore(memo.pairFirst, memo.pairSecond) : new PairTable();
  const before = new Map(memo?.urls.map((url, i) => [url, i]));
  const reread: number[] = [];
  // Sized for what the last build had, so that copying from the memo does not grow them step by step.
  const terms = new IntList((memo?.terms.length ?? 0) + (1 << 16));
  const phrases = new IntList((memo?.phrases.length ?? 0) + (1 << 16));
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
    if (d % DOCS_PER_STEP === DOCS_PER_STEP - 1) yield;
    if (d % SIZE_FROM === SIZE_FROM - 1) {
      terms.expect(d + 1, docs.length);
      phrases.expect(d + 1, docs.length);
    }
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
    reread.push(d);
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
  return { postings: { table, pairs, terms, termDocEnds, phrases, phraseDocEnds, docLength }, reread };
}

function grow<T extends Int32Array | Uint8Array>(a: T, size: number): T {
  const next = new (a.constructor as new (n: number) => T)(Math.max(size, a.length * 2));
  next.set(a);
  return next;
}
