// Syllable tokenizer. Vietnamese writes each syllable as its own space-separated word, so a token
// is a run of letters, digits and combining marks (marks included so NFD text stays whole).
// The browser copy in templates/assets/search.js uses /[\p{L}\p{N}\p{M}]+/gu with the same
// separator rules; the tests check that both give the same tokens.
import { exactForm, foldVietnamese } from '../../base/fold.js';

export interface Token {
  /** Lowercase NFC, diacritics kept. */
  exact: string;
  /** Lowercase without diacritics, đ as d. */
  fold: string;
  /** True when a phrase cannot run from the previous token into this one (first token, punctuation between). */
  brk: boolean;
}

/** Longer runs are hashes, URLs or base64, never words a reader types: they are skipped. */
export const MAX_TOKEN_LENGTH = 40;

// Separators a phrase may run across. Anything else between two tokens (full stop, comma,
// bracket, slash, line break…) ends the phrase, so `đất. Đai` is not the phrase `đất đai`.
export const SOFT_SEPARATORS = ' \t\u00a0\u2009\u202f-*_';

const WORD = 1;
const SOFT = 2;
const HARD = 3;
const HIGH_SURROGATE = 4;
// Stryker disable next-line Regex: it is only tested on one code point (classAt refuses a broken pair first), so the anchors change nothing
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;

// Classes of UTF-16 code units, filled on first sight: a regex per distinct character, not per character read.
const classes = new Uint8Array(0x10000);

function classify(c: number): number {
  if (c >= 0xd800 && c <= 0xdbff) return HIGH_SURROGATE;
  const ch = String.fromCharCode(c);
  if (WORD_CHAR.test(ch)) return WORD;
  return SOFT_SEPARATORS.includes(ch) ? SOFT : HARD;
}

function classAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  let k = classes[c];
  // Stryker disable next-line ConditionalExpression: a cache; classifying again gives the same class
  if (k === 0) k = classes[c] = classify(c);
  if (k !== HIGH_SURROGATE) return k;
  const next = s.charCodeAt(i + 1);
  // Stryker disable next-line ConditionalExpression,LogicalOperator: a broken pair is two code points, which the anchored WORD_CHAR refuses too; this line only spares the regex
  if (!(next >= 0xdc00 && next <= 0xdfff)) return HARD;
  return WORD_CHAR.test(s.slice(i, i + 2)) ? WORD : HARD;
}

/** Width in code units of the character at i (2 for a surrogate pair). */
function widthAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return 1;
  const next = s.charCodeAt(i + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

/**
 * Calls visit(start, end, brk, hash) for each token of s, in order, in a single pass; hash is
 * FNV-1a of the token's code units, so a caller can look tokens up without slicing them out.
 * Tokens over MAX_TOKEN_LENGTH are dropped and count as a phrase break.
 */
export function scan(s: string, visit: (start: number, end: number, brk: boolean, hash: number) => void): void {
  const n = s.length;
  let i = 0;
  let brk = true;
  // Stryker disable next-line EqualityOperator: at i = n charCodeAt gives NaN, which no class claims, and the loop ends the same
  while (i < n) {
    const c = s.charCodeAt(i);
    // ASCII letters and digits skip the table: they are most of the characters read.
    // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: a fast path; classAt gives every character it narrows away the same class
    const k = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) ? WORD : classAt(s, i);
    if (k !== WORD) {
      if (k !== SOFT) brk = true;
      i += widthAt(s, i);
      continue;
    }
    const start = i;
    let hash = 0x811c9dc5;
    // Stryker disable next-line EqualityOperator: at i = n charCodeAt gives NaN, which classAt does not call a word
    while (i < n) {
      let d = s.charCodeAt(i);
      // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: the same fast path; classAt decides alike
      if (!((d >= 97 && d <= 122) || (d >= 48 && d <= 57) || (d >= 65 && d <= 90))) {
        if (classAt(s, i) !== WORD) break;
        if (widthAt(s, i) === 2) {
          hash = Math.imul(hash ^ d, 0x01000193);
          d = s.charCodeAt(++i);
        }
      }
      hash = Math.imul(hash ^ d, 0x01000193);
      i++;
    }
    if (i - start > MAX_TOKEN_LENGTH) brk = true;
    else {
      visit(start, i, brk, hash);
      brk = false;
    }
  }
}

/** Tokens of s, each with its exact and folded form. For queries and tests; the index uses TermTable. */
export function tokenize(s: string): Token[] {
  const out: Token[] = [];
  // Stryker disable next-line BooleanLiteral: the first token has its break from scan() already
  let pendingBreak = false;
  scan(s, (start, end, brk) => {
    const exact = exactForm(s.slice(start, end));
    const fold = foldVietnamese(exact);
    // A lone run of combining marks folds to nothing: not a word, but it still parts words.
    if (fold === '') pendingBreak = true;
    else {
      out.push({ exact, fold, brk: brk || pendingBreak });
      pendingBreak = false;
    }
  });
  return out;
}

/**
 * Interns tokens as small integers while the index is built. Each distinct raw spelling is
 * normalised and folded once; after that a token costs one Map lookup.
 */
export class TermTable {
  /** Variant id → exact form. */
  readonly exact: string[] = [];
  /** Variant id → fold id. */
  readonly foldOf: number[] = [];
  /** Fold id → folded form. */
  readonly folds: string[] = [];
  /** Output of scan(): variant id << 1 | phrase break. */
  ids = new Int32Array(4096);
  private readonly byExact = new Map<string, number>();
  private readonly byFold = new Map<string, number>();
  // Raw spellings seen, in an open-addressing table keyed by scan()'s hash: a token already
  // seen is found by comparing characters in place, with no substring made.
  private slots = new Int32Array(1 << 12).fill(-1);
  private readonly rawText: string[] = [];
  private readonly rawHash: number[] = [];
  private readonly rawId: number[] = [];

  /** A table with the ids of an earlier one; raw spellings are learnt again as they are met. */
  static restore(exact: string[], foldOf: number[], folds: string[]): TermTable {
    const table = new TermTable();
    exact.forEach((e, id) => {
      table.exact.push(e);
      table.foldOf.push(foldOf[id]);
      table.byExact.set(e, id);
    });
    folds.forEach((f, id) => {
      table.folds.push(f);
      table.byFold.set(f, id);
    });
    return table;
  }

  /** Tokenizes s into this.ids; returns how many were written. */
  scan(s: string): number {
    // Stryker disable next-line all: capacity only; a text of n code units has at most n / 2 + 1 tokens
    if (this.ids.length < s.length) this.ids = new Int32Array(s.length + 1024);
    const ids = this.ids;
    let n = 0;
    // Stryker disable next-line BooleanLiteral: the first token has its break from scan() already
    let pendingBreak = false;
    scan(s, (start, end, brk, hash) => {
      const id = this.lookup(s, start, end, hash);
      if (id < 0) pendingBreak = true;
      else {
        ids[n++] = (id << 1) | (brk || pendingBreak ? 1 : 0);
        pendingBreak = false;
      }
    });
    return n;
  }

  private lookup(s: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    // Stryker disable next-line EqualityOperator,ArithmeticOperator: missing entry 0 or probing the other way interns the spelling again, to the same id
    for (let e = this.slots[slot]; e >= 0; e = this.slots[(slot = (slot + 1) & mask)]) {
      // Stryker disable next-line ConditionalExpression: a shortcut; the characters are compared next
      if (this.rawHash[e] !== hash) continue;
      const text = this.rawText[e];
      // Stryker disable next-line ConditionalExpression: a shorter spelling could only match the start of a longer one with the same hash, which the line above has ruled out
      if (text.length !== end - start) continue;
      let i = 0;
      while (i < text.length && text.charCodeAt(i) === s.charCodeAt(start + i)) i++;
      if (i === text.length) return this.rawId[e];
    }
    const raw = s.slice(start, end);
    const id = this.intern(raw);
    this.slots[slot] = this.rawText.length;
    this.rawText.push(raw);
    this.rawHash.push(hash);
    this.rawId.push(id);
    // Stryker disable next-line EqualityOperator: the load factor, for speed only
    if (this.rawText.length * 2 > mask) this.rehash();
    return id;
  }

  // Stryker disable all: a table that loses or misplaces a spelling interns it again through byExact, to the same id (slower, not wrong)
  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = this.slots.length - 1;
    this.rawHash.forEach((hash, e) => {
      let slot = hash & mask;
      while (this.slots[slot] >= 0) slot = (slot + 1) & mask;
      this.slots[slot] = e;
    });
  }
  // Stryker restore all

  /** Variant id of a raw token, or -1 when it folds to nothing. */
  private intern(raw: string): number {
    const exact = exactForm(raw);
    let id = this.byExact.get(exact);
    if (id !== undefined) return id;
    const fold = foldVietnamese(exact);
    if (fold === '') id = -1;
    else {
      let f = this.byFold.get(fold);
      if (f === undefined) {
        f = this.folds.length;
        this.folds.push(fold);
        this.byFold.set(fold, f);
      }
      id = this.exact.length;
      this.exact.push(exact);
      this.foldOf.push(f);
    }
    this.byExact.set(exact, id);
    return id;
  }
}
