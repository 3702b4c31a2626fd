// Every message `bantin import` shows to people, in Vietnamese for a `locale: vi` site and in
// English otherwise. Kept in one place so a later catalogue can take them over.

const vi = {
  noDate: (text: string) => `không tìm thấy ngày đăng; văn bản đã đọc: "${text}"`,
  noDateHint: 'bài cần một dòng ngày theo kiểu cổng cũ, như "Tin tức 28 Tháng Giêng 2020 11:10:00 CH" hoặc "28/01/2020 23:10"',
  badDate: (text: string) => `không đọc được ngày đăng "${text}" (ngày hoặc giờ không có thật)`,
  badDateHint: 'sửa ngày trong nguồn (giờ SA/CH từ 1 đến 12, ngày có trong tháng) rồi nhập lại',
  noTitle: (text: string) => `không thấy tiêu đề sau dòng ngày "${text}"`,
  noTitleHint: 'tiêu đề phải ở dòng ngay sau dòng chuyên mục và ngày đăng',
  noArticle: 'trang không có nội dung bài viết',
  noArticleHint: 'chỉ rõ phần thân bài bằng --selector "CSS", ví dụ --selector ".noi-dung"',
  selectorMissing: (sel: string) => `không có phần tử nào khớp --selector "${sel}"`,
  already: (path: string) => `đã nhập trước đây thành ${path}`,
  alreadyHint: 'dùng --overwrite để ghi đè',
  notArticle: 'không phải trang bài viết (không có tiêu đề)',
  unknownKind: 'không nhận ra loại nguồn',
  unknownKindHint: 'chỉ rõ bằng --from text|html|rss|wxr|sharepoint',
  unreadable: (why: string) => `không đọc được: ${why}`,
  fetchFailed: (status: string) => `tải về không được (${status})`,
  fileMissing: (ref: string) => `không tìm thấy tệp đính kèm ${ref}; liên kết giữ địa chỉ cũ`,
  notFound: 'không có tệp hay thư mục này',
  failed: (detail: string) => `nhập bài thất bại: ${detail}`,
  error: 'lỗi',
  badEncoding: (name: string) => `--encoding "${name}" không được hỗ trợ; dùng utf-8, windows-1258, tcvn3 hoặc vni`,
  badFrom: (name: string) => `--from "${name}" không hợp lệ; dùng auto, text, html, rss, wxr hoặc sharepoint`,
  noSources: 'cần ít nhất một nguồn: bantin import THƯ-MỤC-HOẶC-TỆP-HOẶC-URL',
  missingField: { author: 'tác giả', views: 'lượt xem', category: 'chuyên mục' } as Record<string, string>,
  progress: (done: number, total: number) => `đã đọc ${done}/${total} nguồn`,
  summary: (articles: number, files: number, skipped: number, errors: number, dry: boolean) =>
    `${dry ? 'Chạy thử (không ghi gì): sẽ ghi' : 'Đã ghi'} ${articles} bài, ${files} tệp; bỏ qua ${skipped}; ${errors} lỗi`,
  written: (dry: boolean): string => (dry ? 'sẽ ghi' : 'đã ghi'),
  lacking: (fields: string) => `thiếu: ${fields}`,
  skippedLabel: 'bỏ qua',
};

type Messages = typeof vi;

const en: Messages = {
  noDate: (text) => `no publication date found; the text read was: "${text}"`,
  noDateHint: 'the article needs a date line in an old-portal form, like "Tin tức 28 Tháng Giêng 2020 11:10:00 CH" or "28/01/2020 23:10"',
  badDate: (text) => `cannot read the date "${text}" (no such day or time)`,
  badDateHint: 'fix the date in the source (SA/CH hours run 1 to 12; the day must exist in its month) and import again',
  noTitle: (text) => `no title after the date line "${text}"`,
  noTitleHint: 'the title must be the line right after the category and date line',
  noArticle: 'the page has no article text',
  noArticleHint: 'name the article body with --selector "CSS", e.g. --selector ".content"',
  selectorMissing: (sel) => `nothing matches --selector "${sel}"`,
  already: (path) => `imported before as ${path}`,
  alreadyHint: 'use --overwrite to replace it',
  notArticle: 'not an article page (no title)',
  unknownKind: 'cannot tell what kind of source this is',
  unknownKindHint: 'name it with --from text|html|rss|wxr|sharepoint',
  unreadable: (why) => `cannot read it: ${why}`,
  fetchFailed: (status) => `download failed (${status})`,
  fileMissing: (ref) => `attachment ${ref} not found; the link keeps its old address`,
  notFound: 'no such file or folder',
  failed: (detail) => `import failed: ${detail}`,
  error: 'error',
  badEncoding: (name) => `--encoding "${name}" is not supported; use utf-8, windows-1258, tcvn3 or vni`,
  badFrom: (name) => `--from "${name}" is not valid; use auto, text, html, rss, wxr or sharepoint`,
  noSources: 'give at least one source: bantin import FOLDER-OR-FILE-OR-URL',
  missingField: { author: 'author', views: 'views', category: 'category' },
  progress: (done, total) => `read ${done}/${total} sources`,
  summary: (articles, files, skipped, errors, dry) =>
    `${dry ? 'Dry run (nothing written): would write' : 'Wrote'} ${articles} articles, ${files} files; skipped ${skipped}; ${errors} errors`,
  written: (dry) => (dry ? 'would write' : 'wrote'),
  lacking: (fields) => `missing: ${fields}`,
  skippedLabel: 'skipped',
};

export function messages(locale: string): Messages {
  return locale.toLowerCase().startsWith('vi') ? vi : en;
}

export type { Messages };
