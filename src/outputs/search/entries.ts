// Encodes the postings gathered by build-index.ts as the JSON entries the shards are made of:
// per folded term `"dai":{"đai":POSTINGS,"đại":POSTINGS}`, per phrase `"dat dai":POSTINGS`.
// Every list of document ids is stored as gaps (id minus previous id minus one) in the
// NumberWriter encoding, so the dense lists of common syllables cost about one character per
// document. A cached build re-encodes only the entries an edit touched.
import { IntList, NumberWriter, PairTable } from './encode.js';
import type { TermTable } from './tokenize.js';

export interface Postings {
  table: TermTable;
  pairs: PairTable;
  /** Records of 2, document by document: variant id, weight << 1 | in-title. Null once encoded. */
  terms: IntList | null;
  /** Where each document's records in `terms` end. */
  termDocEnds: Int32Array;
  /** Records of 1, document by document: phrase id << 1 | in-title. Null once encoded. */
  phrases: IntList | null;
  /** Where each document's records in `phrases` end. */
  phraseDocEnds: Int32Array;
  /** Weighted length of each document without its title, for length normalisation. */
  docLength: Float64Array;
}

/** What changed since the build a memo was made by, when document ids did not move: 1 = changed. */
export interface Changes {
  folds: Uint8Array;
  pairs: Uint8Array;
  docs: Uint8Array;
}

/** Entries by fold id (terms) or pair id (phrases); '' where nothing has it. Sizes are in bytes, plus one for the comma. */
export interface Encoded {
  entries: string[];
  sizes: Int32Array;
}

/** Entries encoded between two steps (the dev server lets a save through between steps). */
const KEYS_PER_STEP = 2000;

const K1 = 1.2;
const B = 0.75;
/** Impacts are quantised to 0..15 so that, with the title flag, a posting's value fits one character. */
const IMPACT_MAX = 15;

/**
 * The average document length BM25 normalises by, to three significant digits: one edit rarely
 * moves it, so the entries of terms the edit did not touch stay as they were.
 */
export function averageLength(docLength: Float64Array): number {
  let total = 0;
  for (const l of docLength) total += l;
  const average = total / Math.max(1, docLength.length) || 1;
  return Number(average.toPrecision(3));
}

/**
 * POSTINGS of a term variant: per document, its id gap, then impact << 1 | in-title. With `last`
 * (the previous build's entries, made with the same average) and `changes`, only changed folds
 * are encoded again.
 */
export function* termEntries(p: Postings, average: number, last: Encoded | null, changes: Changes | null): Generator<undefined, Encoded> {
  const { table, docLength } = p;
  const folds = table.folds.length;
  const entries: string[] = new Array<string>(folds).fill('');
  const sizes = new Int32Array(folds);
  // BM25's saturating term frequency with length normalisation, scaled to 0..IMPACT_MAX.
  const impact = (weight: number, d: number): number => {
    if (weight === 0) return 0;
    const norm = K1 * (1 - B + (B * docLength[d]) / average);
    return Math.round((weight / (weight + norm)) * IMPACT_MAX);
  };
  const redo = (f: number) => !last || !changes || f >= last.entries.length || changes.folds[f] === 1;
  const variantsOf: number[][] = Array.from({ length: folds }, () => []);
  table.foldOf.forEach((f, v) => variantsOf[f].push(v));
  const compare = (a: number, b: number) => (table.exact[a] < table.exact[b] ? -1 : table.exact[a] > table.exact[b] ? 1 : 0);
  const writer = new NumberWriter();
  const records = recordsPerKey(p.terms!, 2, table.exact.length);
  const toDo: number[] = [];
  for (let f = 0; f < folds; f++) {
    if (redo(f)) toDo.push(f);
    else {
      entries[f] = last!.entries[f];
      sizes[f] = last!.sizes[f];
    }
  }
  const foldRecords = (f: number) => variantsOf[f].reduce((n, v) => n + records[v], 0);
  for (const batch of batches(toDo, foldRecords)) {
    const inBatch = new Uint8Array(folds);
    for (const f of batch) inBatch[f] = 1;
    const { start, docs, values } = gather(p.terms!, 2, p.termDocEnds, (v) => inBatch[table.foldOf[v]] === 1, table.exact.length);
    for (const [i, f] of batch.entries()) {
      if (i % KEYS_PER_STEP === KEYS_PER_STEP - 1) yield;
      const parts: string[] = [];
      for (const v of variantsOf[f].sort(compare)) {
        // A table kept from an earlier build may hold terms no document has any more.
        if (start[v] === start[v + 1]) continue;
        let previous = -1;
        for (let k = start[v]; k < start[v + 1]; k++) {
          const d = docs[k];
          writer.put(d - previous - 1);
          writer.put((impact(values[k] >> 1, d) << 1) | (values[k] & 1));
          previous = d;
        }
        parts.push(`${JSON.stringify(table.exact[v])}:"${writer.take()}"`);
      }
      if (parts.length === 0) continue;
      entries[f] = `${JSON.stringify(table.folds[f])}:{${parts.join(',')}}`;
      sizes[f] = Buffer.byteLength(entries[f]) + 1;
    }
  }
  return { entries, sizes };
}

/** POSTINGS of a phrase: per document, its id gap << 1 | in-title. Only changed pairs are encoded again, as above. */
export function* phraseEntries(p: Postings, last: Encoded | null, changes: Changes | null): Generator<undefined, Encoded> {
  const { table, pairs } = p;
  const entries: string[] = new Array<string>(pairs.size).fill('');
  const sizes = new Int32Array(pairs.size);
  const redo = (id: number) => !last || !changes || id >= last.entries.length || changes.pairs[id] === 1;
  const writer = new NumberWriter();
  const records = recordsPerKey(p.phrases!, 1, pairs.size);
  const toDo: number[] = [];
  for (let id = 0; id < pairs.size; id++) {
    if (redo(id)) toDo.push(id);
    else {
      entries[id] = last!.entries[id];
      sizes[id] = last!.sizes[id];
    }
  }
  for (const batch of batches(toDo, (id) => records[id])) {
    // Batches are runs of ids in order, so one range test picks a batch's records.
    const [first, end] = [batch[0], batch[batch.length - 1] + 1];
    const { start, docs, values } = gather(p.phrases!, 1, p.phraseDocEnds, (id) => id >= first && id < end && redo(id), pairs.size);
    for (const [i, id] of batch.entries()) {
      if (i % KEYS_PER_STEP === KEYS_PER_STEP - 1) yield;
      if (start[id] === start[id + 1]) continue;
      let previous = -1;
      for (let k = start[id]; k < start[id + 1]; k++) {
        const d = docs[k];
        writer.put(((d - previous - 1) << 1) | (values[k] & 1));
        previous = d;
      }
      entries[id] = `${JSON.stringify(phraseKey(table, pairs, id))}:"${writer.take()}"`;
      sizes[id] = Buffer.byteLength(entries[id]) + 1;
    }
  }
  return { entries, sizes };
}

export function phraseKey(table: TermTable, pairs: PairTable, id: number): string {
  return `${table.folds[pairs.firstOf[id]]} ${table.folds[pairs.secondOf[id]]}`;
}

/** Postings gathered at a time: about 64 MB of them beside the records, however large the site. */
const BATCH_RECORDS = 1 << 23;

/**
 * `keys` in runs whose records (`records(key)`) add up to BATCH_RECORDS at most (a key with more
 * is a run of its own): each run is gathered in a pass of its own, so grouping the postings of
 * 100,000 articles never holds a second copy of them all.
 */
function* batches(keys: number[], records: (key: number) => number): Generator<number[]> {
  let batch: number[] = [];
  let size = 0;
  for (const key of keys) {
    const n = records(key);
    if (batch.length > 0 && size + n > BATCH_RECORDS) {
      yield batch;
      batch = [];
      size = 0;
    }
    batch.push(key);
    size += n;
  }
  if (batch.length > 0) yield batch;
}

/** How many records each key has. `stride` is 2 for `key, value` records, 1 for `key << 1 | flag`. */
function recordsPerKey(list: IntList, stride: 1 | 2, keyCount: number): Int32Array {
  const counts = new Int32Array(keyCount);
  const data = list.data;
  const shift = stride === 2 ? 0 : 1;
  for (let i = 0; i < list.length; i += stride) counts[data[i] >> shift]++;
  return counts;
}

/**
 * The records of the keys `wanted` picks, grouped by key: one pass over all records (gathered
 * document by document; `docEnds[d]` is where document d's records end), a counting sort, stable,
 * so each key's records stay in document order. Returns where each key's records start (plus an
 * end sentinel), and in that order each record's document and value.
 */
function gather(list: IntList, stride: 1 | 2, docEnds: Int32Array, wanted: (key: number) => boolean, keyCount: number) {
  const data = list.data;
  const end = list.length;
  const shift = stride === 2 ? 0 : 1;
  const want = new Uint8Array(keyCount);
  for (let k = 0; k < keyCount; k++) want[k] = wanted(k) ? 1 : 0;
  const start = new Int32Array(keyCount + 1);
  for (let i = 0; i < end; i += stride) {
    const key = data[i] >> shift;
    if (want[key]) start[key + 1]++;
  }
  for (let k = 0; k < keyCount; k++) start[k + 1] += start[k];
  const fill = start.slice(0, keyCount);
  const docs = new Int32Array(start[keyCount]);
  const values = new Int32Array(start[keyCount]);
  let d = 0;
  for (let i = 0; i < end; i += stride) {
    const key = data[i] >> shift;
    if (!want[key]) continue;
    while (i >= docEnds[d]) d++;
    const at = fill[key]++;
    docs[at] = d;
    values[at] = data[i + stride - 1];
  }
  return { start, docs, values };
}
