// Vietnamese text normalisation shared by the search index and URL slugs (src/slug.ts).
// templates/assets/search.js holds a hand-kept copy of these rules for the browser;
// test/search.test.ts runs both on the same inputs so the copies cannot drift apart.

// Only the combining diacritical marks block: Vietnamese tones and vowel marks (horn, breve,
// circumflex) all decompose into it under NFD. Marks of other scripts are left alone.
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * Lowercase, drop every diacritic and turn đ into d: `Đất đai` → `dat dai`.
 * NFC and NFD spellings of the same text fold to the same string. `đ` needs its own rule
 * because it is a separate letter in Unicode, not `d` plus a mark, so NFD leaves it whole.
 */
export function foldVietnamese(s: string): string {
  return s.toLowerCase().normalize('NFD').replace(COMBINING_MARKS, '').replace(/đ/g, 'd');
}

/**
 * The spelling a reader typed, made comparable: lowercase NFC, diacritics kept.
 * `bán` and `bạn` stay different here, so exact matches can outrank folded-only ones.
 */
export function exactForm(s: string): string {
  return s.normalize('NFC').toLowerCase();
}
