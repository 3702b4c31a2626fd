// Catalogue part: the editorial warnings of `bantin check`, and the article problems editors see most.
import type { Entry } from './entry.js';

export const CHECK_MESSAGES: Record<string, Entry> = {
  'check-same-title': {
    vi: 'tiêu đề "{title}" trùng với bài {other} trong cùng ngày',
    en: 'the same title "{title}" is used by {other} on the same day',
    hint: { vi: 'bài này có phải bản sao không? Xóa một bài, hoặc đổi tiêu đề', en: 'is this article a copy? delete one, or change its title' },
  },
  'check-no-summary': {
    vi: 'bài viết không có tóm tắt, và không có đoạn văn đầu để làm tóm tắt',
    en: 'the article has no summary and no first paragraph to make one from',
    hint: { vi: 'thêm dòng `summary: "..."` vào phần thông tin đầu bài', en: 'add `summary: "..."` to the front matter' },
  },
  'article-empty': {
    vi: 'tệp bài viết trống',
    en: 'the file is empty',
    hint: { vi: 'bài viết bắt đầu bằng phần thông tin: dòng `---`, `title: ...`, `date: ...`, dòng `---`, rồi đến nội dung', en: 'an article starts with front matter: `---`, `title: ...`, `date: ...`, `---`, then the text' },
  },
  'article-no-front-matter': {
    vi: 'bài viết không có phần thông tin đầu bài (tiêu đề, ngày đăng)',
    en: 'the article has no front matter',
    hint: { vi: 'mở đầu tệp bằng một dòng `---`, rồi các dòng `title:` và `date:`, rồi thêm một dòng `---`', en: 'start the file with a line `---`, then `title:` and `date:` lines, then another `---`' },
  },
  'article-no-title': {
    vi: 'bài viết chưa có tiêu đề (`title`)',
    en: 'the article has no `title`',
    hint: { vi: 'thêm dòng `title: "Tiêu đề bài viết"` vào phần thông tin đầu bài', en: 'add a line `title: "Tiêu đề bài viết"` to the front matter' },
  },
  'article-no-date': {
    vi: 'bài viết chưa có ngày đăng (`date`)',
    en: 'the article has no `date`',
    hint: { vi: 'thêm dòng như `date: 2020-01-28 23:10` (giờ của trang) vào phần thông tin đầu bài', en: 'add a line like `date: 2020-01-28 23:10` (site time) to the front matter' },
  },
  'article-views-not-number': {
    vi: '`views` phải là số nguyên ≥ 0, không phải {value}',
    en: '`views` must be a whole number ≥ 0, not {value}',
    hint: { vi: 'chỉ viết chữ số, không dấu chấm hay dấu cách: `views: 21262`', en: 'write digits only, without dots or spaces: `views: 21262`' },
  },
  'article-draft-not-boolean': {
    vi: '`draft` phải là `true` hoặc `false`',
    en: '`draft` must be `true` or `false`',
    hint: { vi: 'viết `draft: true` để giữ bài lại chưa đăng, hoặc xóa dòng này', en: 'write `draft: true` to hold the article back, or remove the line' },
  },
  'config-yaml-tab': {
    vi: 'không đọc được tệp cấu hình ở chỗ này: có dòng thụt đầu dòng bằng phím Tab (chi tiết: {reason})',
    en: 'YAML syntax error: {reason}',
    hint: { vi: 'xóa ký tự Tab và thụt đầu dòng bằng dấu cách (2 dấu cách)', en: 'YAML does not allow tabs for indentation; use spaces' },
  },
  'config-yaml-duplicate': {
    vi: 'một khóa trong tệp cấu hình được viết hai lần (chi tiết: {reason})',
    en: 'YAML syntax error: {reason}',
    hint: { vi: 'mỗi khóa chỉ được viết một lần; xóa dòng thừa', en: 'each key may appear once; remove the extra one' },
  },
  'config-unknown-key': {
    vi: 'bantin không biết khóa cấu hình `{key}` nên bỏ qua nó',
    en: 'unknown config key `{key}` is ignored',
    hint: { vi: 'có phải bạn định viết `{guess}`?', en: 'did you mean `{guess}`?' },
  },
  'config-unknown-key-extra': {
    vi: 'bantin không biết khóa cấu hình `{key}` nên bỏ qua nó',
    en: 'unknown config key `{key}` is ignored',
    hint: { vi: 'đặt các giá trị riêng của trang dưới `extra:` để dùng trong giao diện', en: 'put site-specific values under `extra:` to use them in templates' },
  },
  'config-yaml-syntax': {
    vi: 'không đọc được tệp cấu hình ở chỗ này (chi tiết: {reason})',
    en: 'YAML syntax error: {reason}',
    hint: { vi: 'kiểm tra thụt đầu dòng và dấu ngoặc kép ở dòng này', en: 'check the indentation and quotes on that line' },
  },
};
