// Vietnamese typed with the pre-Unicode fonts: TCVN3 (ABC, `.VnTime`) and VNI (`VNI-Times`), whose
// letters show up as Latin-1 characters (`Céng hßa`, `Vieät Nam`), told apart and turned into Unicode NFC.
import iconv from 'iconv-lite';

export type Legacy = 'tcvn3' | 'vni';

// Latin-1 characters that TCVN3 uses for Vietnamese letters and Unicode Vietnamese never has.
const TCVN3_ONLY = /[\u00a1-\u00bf\u00c4-\u00c7\u00cb\u00ce\u00cf\u00d1\u00d6-\u00d8\u00db\u00dc\u00de\u00df\u00e4-\u00e7\u00eb\u00ee\u00ef\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe]/g;
// VNI writes a base vowel, then its marks as a second character; these pairs never occur in Unicode Vietnamese.
const VNI_PAIRS = /[aeiouyAEIOUY][øûïØÛÏ]|[aeoAEO][åäÅÄ]|[aA][ëËüÜ]/g;
// Unicode Vietnamese beyond Latin-1: ă đ ĩ ũ ơ ư and the letters with tone marks.
const UNICODE_VI = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/g;

const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;

/** Which legacy font the text was typed in, or null when it reads as Unicode (or has too little to tell). */
export function detectLegacy(text: string): Legacy | null {
  const unicode = count(text, UNICODE_VI);
  const vni = count(text, VNI_PAIRS);
  const tcvn = count(text, TCVN3_ONLY);
  if (Math.max(vni, tcvn) < 3 || Math.max(vni, tcvn) <= unicode) return null;
  return vni * 2 >= tcvn ? 'vni' : 'tcvn3';
}

/**
 * Converts the legacy-font runs of `text`: each run between tags (HTML) or each line that has no
 * Unicode Vietnamese of its own, so a page whose menus were already Unicode keeps them.
 */
export function fromLegacy(text: string, legacy: Legacy, html: boolean): string {
  const convert = legacy === 'tcvn3' ? fromTcvn3 : fromVni;
  const pieces = text.split(html ? /(<[^>]*>|\n)/ : /(\n)/);
  for (let i = 0; i < pieces.length; i += 2) {
    let piece = pieces[i];
    if (!piece || !/[\u0080-\u00ff]|&#\d+;/.test(piece) || UNICODE_VI.test(piece)) continue;
    if (html) piece = piece.replace(/&#(\d+);/g, (m, n: string) => (Number(n) >= 160 && Number(n) <= 255 ? String.fromCharCode(Number(n)) : m));
    pieces[i] = convert(piece);
  }
  UNICODE_VI.lastIndex = 0;
  return pieces.join('').normalize('NFC');
}

/** TCVN3 through iconv-lite's `tcvn` table, a run of Latin-1 characters at a time (anything else stays). */
function fromTcvn3(text: string): string {
  return text.replace(/[\u00a0-\u00ff]+/g, (run) => iconv.decode(Buffer.from(run, 'latin1'), 'tcvn'));
}

const TONES: Record<string, string> = { ù: '\u0301', ø: '\u0300', û: '\u0309', õ: '\u0303', ï: '\u0323' };
const CIRCUMFLEX: Record<string, string> = { â: '', á: '\u0301', à: '\u0300', å: '\u0309', ã: '\u0303', ä: '\u0323' };
const BREVE: Record<string, string> = { ê: '', é: '\u0301', è: '\u0300', ú: '\u0309', ü: '\u0303', ë: '\u0323' };
const SINGLE: Record<string, string> = { ô: 'ơ', ö: 'ư', ñ: 'đ', æ: 'ỉ', ó: 'ĩ', ò: 'ị', î: 'ỵ' };

/** VNI: a vowel followed by its marks (`eä` → ệ, `aø` → à), and the letters VNI gives a code of their own. */
function fromVni(text: string): string {
  return text.replace(/([aeouyAEOUY]|[ôöÔÖ])([ùøûõïÙØÛÕÏâáàåãäÂÁÀÅÃÄêéèúüëÊÉÈÚÜË]?)|[ñæóòîÑÆÓÒÎ]/g, (m, base: string | undefined, mark: string | undefined) => {
    if (!base) return caseOf(m, SINGLE[m.toLowerCase()]);
    const lower = base.toLowerCase();
    let letter = SINGLE[lower] && (lower === 'ô' || lower === 'ö') ? caseOf(base, SINGLE[lower]) : base;
    if (!mark) return letter;
    const k = mark.toLowerCase();
    let combining: string | undefined = TONES[k];
    if (combining === undefined && 'aeo'.includes(lower) && k in CIRCUMFLEX) combining = '\u0302' + CIRCUMFLEX[k];
    else if (combining === undefined && lower === 'a' && k in BREVE) combining = '\u0306' + BREVE[k];
    if (combining === undefined) return letter + (SINGLE[k] ? caseOf(mark, SINGLE[k]) : mark);
    letter = (letter + combining).normalize('NFC');
    return letter;
  });
}

const caseOf = (like: string, s: string) => (like === like.toUpperCase() && like !== like.toLowerCase() ? s.toUpperCase() : s);
