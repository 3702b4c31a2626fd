// The one rule for every URL a site's config or front matter puts into a page (menu, links, logo,
// an article's image): which schemes may be printed, decided the way a browser's URL parser reads them.
import { text, type Params } from './messages/index.js';

/** Schemes a link may use; an image may use only http(s) or a path. */
const LINK_SCHEMES = ['http', 'https', 'mailto', 'tel'];
const IMAGE_SCHEMES = ['http', 'https'];

export type UrlUse = 'link' | 'image';

export type UrlVerdict =
  | { ok: true; url: string; scheme: string | null }
  /** `reason` and `hintCode`: catalogue codes (with `params`) for callers that say it in the reader's language; `message` and `hint`: their English. */
  | { ok: false; reason: string; hintCode: string; params: Params; message: string; hint: string };

function refuse(reason: string, hintCode: string, params: Params = {}): UrlVerdict {
  return { ok: false, reason, hintCode, params, message: text(reason, params), hint: text(hintCode, params) };
}

/**
 * What a browser makes of a URL before it looks at the scheme (WHATWG URL Standard, "basic URL
 * parser"): C0 controls and spaces cut from both ends, every ASCII tab and newline removed anywhere.
 * So `" java\tscript:"` and `"\x01javascript:"` are both the scheme `javascript`.
 */
export function browserForm(raw: string): string {
  return raw.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
}

/** The scheme the URL parser sees, lower-cased (`javascript`), or null for a relative URL. */
export function urlScheme(raw: string): string | null {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(browserForm(raw));
  return m ? m[1].toLowerCase() : null;
}

/**
 * Checks one URL from config or front matter. Allowed: http, https, mailto and tel for links
 * (http and https for images), and paths. Everything else — `javascript:`, `vbscript:`, `data:`,
 * `file:`, unknown schemes — is refused, and so is any URL holding a control character (a browser
 * would drop or encode it; no editor types one on purpose). `data:` images are refused too: a
 * picture belongs in content/ as a file, where it gets a size, a cache and one copy for all pages.
 * The accepted URL comes back in the browser's form, so the page holds what a reader's browser uses.
 */
export function checkUrl(raw: string, use: UrlUse): UrlVerdict {
  const url = browserForm(raw);
  const allowed = use === 'image' ? IMAGE_SCHEMES : LINK_SCHEMES;
  const hint = use === 'image' ? 'url-hint-image' : 'url-hint-link';
  if (!url) return refuse('url-empty', hint);
  if (/[\u0000-\u001f\u007f]/.test(url)) return refuse('url-control-character', `url-hint-retype-${use}`);
  const scheme = urlScheme(url);
  if (scheme !== null && !allowed.includes(scheme)) return refuse('url-scheme', hint, { scheme, allowed: allowed.join(', ') });
  if (scheme === null && /^[\\/]{2}|^\/\\|^\\/.test(url)) return refuse('url-other-site', hint);
  return { ok: true, url, scheme };
}

/** A refused URL's reason and hint in both languages, as `{reasonVi}`/`{hintEn}`… parameters of a message that names the field. */
export function verdictParams(v: { reason: string; hintCode: string; params: Params }): Params {
  return {
    reasonVi: text(v.reason, v.params, 'vi'), reasonEn: text(v.reason, v.params, 'en'),
    hintVi: text(v.hintCode, v.params, 'vi'), hintEn: text(v.hintCode, v.params, 'en'),
  };
}
