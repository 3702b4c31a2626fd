// Catalogue part: the dev server's console lines and the overlay a browser shows when a build fails.
import type { Entry } from './entry.js';

export const SERVE_MESSAGES: Record<string, Entry> = {
  'serve-built': { vi: 'bantin: {verb} trong {ms} ms ({articleOnly}{produced} trang dựng, {changed} thay đổi)', en: 'bantin: {verb} in {ms} ms ({articleOnly}{produced} rendered, {changed} changed)' },
  'serve-built-verb': { vi: 'đã dựng', en: 'built' },
  'serve-rebuilt-verb': { vi: 'đã dựng lại', en: 'rebuilt' },
  'serve-article-only': { vi: 'chỉ bài viết, ', en: 'article only, ' },
  'serve-build-noun': { vi: 'dựng trang', en: 'build' },
  'serve-rebuild-noun': { vi: 'dựng lại', en: 'rebuild' },
  'serve-failed': { vi: 'bantin: việc {what} thất bại với {count} lỗi; vẫn phục vụ các trang tốt gần nhất', en: 'bantin: the {what} failed with {count} error(s); still serving the last good pages' },
  'serve-base-changed': { vi: 'bantin: đường dẫn gốc (baseUrl) đã đổi; hãy chạy lại `bantin serve`', en: 'bantin: the base path changed; restart `bantin serve` to serve it' },
  'overlay-label': { vi: 'Lỗi khi dựng trang', en: 'Build error' },
  'overlay-title': { vi: 'bantin: thay đổi vừa rồi chưa dựng được trang', en: 'bantin: the last change could not be built' },
  'overlay-body': {
    vi: 'Trang phía sau là bản tốt gần nhất. Sửa tệp theo hướng dẫn dưới đây rồi lưu lại: trang này sẽ tự tải lại.',
    en: 'The page behind is the last good version. Fix the file and save: this page reloads by itself.',
  },
};
