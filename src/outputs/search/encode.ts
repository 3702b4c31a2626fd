// Compact encodings of the index files. The browser decoder in templates/assets/search.js
// mirrors these; the tests decode what this module writes.

/**
 * 64 characters that need no escaping inside a JSON string. Each carries 5 bits of a number,
 * least significant first, plus a continuation bit (value 32) on every character but the last:
 * 0–31 take one character, up to 1023 two. Posting lists are mostly small gaps, so most
 * numbers take one character.
 */
export const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_';
const CODES = Array.from(ALPHABET, (ch) => ch.charCodeAt(0));

export class NumberWriter {
  private buf = Buffer.allocUnsafe(1 << 16);
  private length = 0;

  put(n: number): void {
    if (this.length + 8 > this.buf.length) {
      const next = Buffer.allocUnsafe(this.buf.length * 2);
      this.buf.copy(next, 0, 0, this.length);
      this.buf = next;
    }
    while (n >= 32) {
      this.buf[this.length++] = CODES[(n & 31) | 32];
      n = Math.floor(n / 32);
    }
    this.buf[this.length++] = CODES[n];
  }

  /** The encoded text so far; the writer starts empty again. */
  take(): string {
    const s = this.buf.toString('latin1', 0, this.length);
    this.length = 0;
    return s;
  }
}

/** Inverse of NumberWriter, for tests and tools. */
export function readNumbers(s: string): number[] {
  const out: number[] = [];
  let n = 0;
  let scale = 1;
  for (let i = 0; i < s.length; i++) {
    const v = ALPHABET.indexOf(s[i]);
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

/** FNV-1a over UTF-16 code units: picks the phrase shard of a key, the same way in the browser. */
export function hashKey(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Growable list of int32, for the millions of postings gathered while the index is built. */
export class IntList {
  data: Int32Array;
  length = 0;

  constructor(capacity = 1 << 16) {
    this.data = new Int32Array(capacity);
  }

  push(a: number): void {
    if (this.length + 1 > this.data.length) this.grow();
    this.data[this.length++] = a;
  }

  push2(a: number, b: number): void {
    if (this.length + 2 > this.data.length) this.grow();
    this.data[this.length++] = a;
    this.data[this.length++] = b;
  }

  pushAll(values: Int32Array): void {
    while (this.length + values.length > this.data.length) this.grow();
    this.data.set(values, this.length);
    this.length += values.length;
  }

  /**
   * Room for what the list will hold when all `total` documents are in, reckoned from what the
   * first `done` put in it, and a tenth more; none made when there is room for that already.
   * Growing in steps copies the list each time, the old and the new array alive together: at
   * 100,000 articles that was a hundred megabytes more at the build's peak. Capacity not yet
   * written is not in memory.
   */
  expect(done: number, total: number): void {
    const estimate = Math.ceil((this.length / done) * total);
    if (estimate > this.data.length) this.resize(estimate + Math.ceil(estimate / 10));
  }

  // By half, not double: at 100,000 articles the lists are hundreds of megabytes, and the slack of
  // a doubling would be as much again.
  private grow(): void {
    this.resize(Math.ceil(this.data.length * 1.5));
  }

  private resize(capacity: number): void {
    const next = new Int32Array(capacity);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
}

/** Open-addressing map from a pair of fold ids to a dense phrase id. */
export class PairTable {
  size = 0;
  private mask = (1 << 16) - 1;
  private left = new Int32Array(1 << 16).fill(-1);
  private right = new Int32Array(1 << 16);
  private ids = new Int32Array(1 << 16);
  readonly firstOf: number[] = [];
  readonly secondOf: number[] = [];

  /** A table with the ids of an earlier one (its firstOf and secondOf). */
  static restore(firstOf: number[], secondOf: number[]): PairTable {
    const table = new PairTable();
    for (let id = 0; id < firstOf.length; id++) table.id(firstOf[id], secondOf[id]);
    return table;
  }

  id(a: number, b: number): number {
    let slot = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 1, 0x85ebca77)) & this.mask;
    for (;;) {
      const l = this.left[slot];
      if (l === -1) break;
      if (l === a && this.right[slot] === b) return this.ids[slot];
      slot = (slot + 1) & this.mask;
    }
    const id = this.size++;
    this.left[slot] = a;
    this.right[slot] = b;
    this.ids[slot] = id;
    this.firstOf.push(a);
    this.secondOf.push(b);
    if (this.size * 2 > this.mask) this.rehash();
    return id;
  }

  private rehash(): void {
    const capacity = (this.mask + 1) * 2;
    this.mask = capacity - 1;
    this.left = new Int32Array(capacity).fill(-1);
    this.right = new Int32Array(capacity);
    this.ids = new Int32Array(capacity);
    for (let id = 0; id < this.size; id++) {
      const a = this.firstOf[id];
      const b = this.secondOf[id];
      let slot = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 1, 0x85ebca77)) & this.mask;
      while (this.left[slot] !== -1) slot = (slot + 1) & this.mask;
      this.left[slot] = a;
      this.right[slot] = b;
      this.ids[slot] = id;
    }
  }
}
