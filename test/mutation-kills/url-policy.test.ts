// The URL policy's verdicts in detail (survivors of npm run mutate on src/base/url-policy.ts): the
// browser's form of a URL with several spaces at the end, an empty URL, which hint each use gets,
// the parameters a refused scheme carries, `//` and backslashes only at the start, and the two
// languages of verdictParams.
import { describe, expect, it } from 'vitest';
import { checkUrl, verdictParams } from '../../src/base/url-policy.js';

describe('checkUrl', () => {
  it('cuts every trailing space and control character, as the browser does', () => {
    expect(checkUrl('  https://anhoa.gov.vn/  \u0001 ', 'link')).toEqual({ ok: true, url: 'https://anhoa.gov.vn/', scheme: 'https' });
  });

  it('refuses an empty URL, or one of spaces only, as empty', () => {
    for (const raw of ['', '   ', '\t\n']) {
      const v = checkUrl(raw, 'image');
      expect(v.ok, JSON.stringify(raw)).toBe(false);
      if (!v.ok) expect(v.reason).toBe('url-empty');
    }
  });

  it('gives an image the picture hint and a link the link hint', () => {
    const image = checkUrl('javascript:alert(1)', 'image');
    const link = checkUrl('javascript:alert(1)', 'link');
    expect(!image.ok && image.hintCode).toBe('url-hint-image');
    expect(!link.ok && link.hintCode).toBe('url-hint-link');
    expect(!image.ok && image.hint).toContain('content/');
  });

  it('names the refused scheme and the allowed ones', () => {
    const link = checkUrl('JavaScript:alert(1)', 'link');
    expect(!link.ok && link.params).toEqual({ scheme: 'javascript', allowed: 'http, https, mailto, tel' });
    expect(!link.ok && link.message).toBe('may not be a javascript: URL (only http, https, mailto, tel and paths on the site are allowed)');
    const image = checkUrl('mailto:a@b.vn', 'image');
    expect(!image.ok && image.params).toEqual({ scheme: 'mailto', allowed: 'http, https' });
  });

  it('reads `//` and backslashes as another site only at the start', () => {
    for (const raw of ['//evil.example/', '/\\evil.example/', '\\evil.example', '\\\\evil.example']) {
      const v = checkUrl(raw, 'link');
      expect(!v.ok && v.reason, raw).toBe('url-other-site');
    }
    for (const raw of ['tin-tuc//bai-viet/', 'files/a/\\b.jpg', 'files\\anh.jpg', 'https://anhoa.gov.vn//tin-tuc/']) {
      expect(checkUrl(raw, 'link').ok, raw).toBe(true);
    }
  });
});

describe('verdictParams', () => {
  it('says the reason and the hint in both languages', () => {
    const v = checkUrl('javascript:alert(1)', 'link');
    if (v.ok) throw new Error('javascript: was accepted');
    const p = verdictParams(v);
    expect(p.reasonEn).toBe(v.message);
    expect(p.hintEn).toBe(v.hint);
    expect(p.reasonVi).toBe('không được là địa chỉ dạng javascript: (chỉ được dùng http, https, mailto, tel và đường dẫn trong trang)');
    expect(String(p.hintVi)).not.toBe(p.hintEn);
  });
});
