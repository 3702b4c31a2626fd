// Bytes of a source to Unicode NFC text: UTF-8, a declared charset, windows-1258 when the bytes are
// not UTF-8, then TCVN3/VNI text found and converted. `--encoding` forces one of these.
import iconv from 'iconv-lite';
import { detectLegacy, fromLegacy, type Legacy } from './legacy-fonts.js';

export const ENCODINGS = ['utf-8', 'windows-1258', 'tcvn3', 'vni'];

export interface Decoded {
  text: string;
  /** What it was read as, e.g. `utf-8`, `windows-1258`, `utf-8+tcvn3`. */
  encoding: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decode(bytes: Buffer, options: { force?: string; declared?: string; html: boolean }): Decoded {
  const force = options.force?.toLowerCase();
  if (force === 'tcvn3' || force === 'vni') {
    const base = isUtf8(bytes) ? bytes.toString('utf8') : bytes.toString('latin1');
    return { text: fromLegacy(base, force, options.html), encoding: force };
  }
  let text: string;
  let encoding: string;
  if (force) [text, encoding] = [iconv.decode(bytes, force), force];
  else if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) [text, encoding] = [bytes.subarray(3).toString('utf8'), 'utf-8'];
  else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    text = iconv.decode(bytes.subarray(2), encoding);
  } else {
    const declared = normalize(options.declared ?? declaredIn(bytes));
    if (isUtf8(bytes)) [text, encoding] = [bytes.toString('utf8'), 'utf-8'];
    // A page declared as Latin-1 is, in Vietnam, most often TCVN3 text: read byte for byte, then detected below.
    else if (declared && declared !== 'utf-8' && iconv.encodingExists(declared)) [text, encoding] = [iconv.decode(bytes, declared), declared];
    else {
      // Not UTF-8 and nothing declared: TCVN3 typed on a Latin-1 page, or a windows-1258 page.
      const latin1 = bytes.toString('latin1');
      const legacy = detectLegacy(latin1);
      if (legacy) return { text: fromLegacy(latin1, legacy, options.html), encoding: legacy };
      [text, encoding] = [iconv.decode(bytes, 'windows-1258'), 'windows-1258'];
    }
  }
  const legacy: Legacy | null = force ? null : detectLegacy(text);
  if (legacy) return { text: fromLegacy(text, legacy, options.html), encoding: `${encoding}+${legacy}` };
  return { text: text.normalize('NFC'), encoding };
}

function isUtf8(bytes: Buffer): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The charset a page or XML file names for itself in its first bytes. */
function declaredIn(bytes: Buffer): string | undefined {
  const head = bytes.subarray(0, 2048).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1] ?? /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/i.exec(head)?.[1];
}

function normalize(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const n = name.toLowerCase();
  return n === 'utf8' ? 'utf-8' : n;
}

export const knownEncoding = (name: string) => ENCODINGS.includes(name.toLowerCase()) || iconv.encodingExists(name);
