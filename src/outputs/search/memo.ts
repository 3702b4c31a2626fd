// What a cached build keeps of the search index for the next one: every document's postings,
// so that only new and edited documents are read again, and the encoded entries and document
// shards, so that only what an edit touched is encoded again. The files come out byte for byte
// as a build from nothing makes them.
import type { SearchDoc } from './docs.js';
import type { Changes, Encoded, Postings } from './entries.js';

/**
 * Plain data, so that a build cache can store it: the postings records as collect() made them,
 * in document order, with each document's URL and the key they were made from; the term and
 * phrase tables their ids refer to; and what was made of them. A few large arrays rather than a
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
  made?: {
    average: number;
    terms: Encoded;
    phrases: Encoded;
    docsPerShard: number;
    /** The category slugs in index order, as JSON: a document shard names categories by index. */
    categories: string;
    docShards: string[];
  };
}

/**
 * Above this many documents no memo is kept: at 100,000 articles the postings alone are hundreds of
 * megabytes, more than the memory a build may use.
 */
export const MEMO_MAX_DOCS = 20_000;

/** A memo whose arrays agree with each other, else none (the index is then made afresh). */
export function usableMemo(memo: IndexMemo | undefined): IndexMemo | undefined {
  if (!memo || !Array.isArray(memo.urls)) return undefined;
  const n = memo.urls.length;
  const made = memo.made;
  const fine = memo.foldOf.length === memo.exact.length && memo.pairFirst.length === memo.pairSecond.length
    && memo.keys.length === n && memo.docLength.length === n && memo.termDocEnds.length === n && memo.phraseDocEnds.length === n
    && (n === 0 || (memo.termDocEnds[n - 1] === memo.terms.length && memo.phraseDocEnds[n - 1] === memo.phrases.length))
    && (!made || (made.terms.entries.length <= memo.folds.length && made.phrases.entries.length <= memo.pairFirst.length));
  return fine ? memo : undefined;
}

/**
 * The memo of this build's postings, or none when a document has no key. Takes the postings
 * records, so it must come before they are let go.
 */
export function memoOf(docs: SearchDoc[], p: Postings): IndexMemo | undefined {
  if (docs.some((d) => d.key === undefined)) return undefined;
  return {
    exact: p.table.exact, foldOf: p.table.foldOf, folds: p.table.folds, pairFirst: p.pairs.firstOf, pairSecond: p.pairs.secondOf,
    urls: docs.map((d) => d.url), keys: docs.map((d) => d.key!), docLength: p.docLength, termDocEnds: p.termDocEnds,
    // Views, not copies (a copy of millions of records each build): a view is also stored as only its own bytes.
    phraseDocEnds: p.phraseDocEnds, terms: p.terms!.data.subarray(0, p.terms!.length), phrases: p.phrases!.data.subarray(0, p.phrases!.length),
  };
}

/**
 * Whether a memo's tables are worth keeping: not when they hold more terms or phrases no document
 * has than ones in use (left by deleted or edited text); the next build then starts them afresh.
 */
export function mostlyInUse(terms: Encoded, phrases: Encoded): boolean {
  const used = (e: Encoded) => e.sizes.reduce((n, size) => (size > 0 ? n + 1 : n), 0);
  return terms.sizes.length <= 2 * used(terms) + 1024 && phrases.sizes.length <= 2 * used(phrases) + 4096;
}

/**
 * What the documents read again (`reread`, by id) changed: the folds and phrases of their old
 * records and of their new ones. Only when every document kept its id; otherwise null, and every
 * entry is made again.
 */
export function changesSince(memo: IndexMemo, docs: SearchDoc[], p: Postings, reread: number[]): Changes | null {
  if (memo.urls.length !== docs.length || docs.some((d, i) => memo.urls[i] !== d.url)) return null;
  const changes = { folds: new Uint8Array(p.table.folds.length), pairs: new Uint8Array(p.pairs.size), docs: new Uint8Array(docs.length) };
  const mark = (terms: Int32Array, termEnds: Int32Array, phrases: Int32Array, phraseEnds: Int32Array, d: number) => {
    for (let i = d > 0 ? termEnds[d - 1] : 0; i < termEnds[d]; i += 2) changes.folds[p.table.foldOf[terms[i]]] = 1;
    for (let i = d > 0 ? phraseEnds[d - 1] : 0; i < phraseEnds[d]; i++) changes.pairs[phrases[i] >> 1] = 1;
  };
  for (const d of reread) {
    changes.docs[d] = 1;
    mark(p.terms!.data, p.termDocEnds, p.phrases!.data, p.phraseDocEnds, d);
    mark(memo.terms, memo.termDocEnds, memo.phrases, memo.phraseDocEnds, d);
  }
  return changes;
}
