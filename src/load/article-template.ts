// The body `bantin new` writes into a new article, and how build and check find it when an editor
// left it in: the texts live here only, so what `new` writes is exactly what the others look for.

/** The line the editor replaces with the article's text. */
export const PLACEHOLDER = 'Viết nội dung bài viết ở đây.';

/**
 * The opening of the how-to comment above it. Markdown without `html: true` prints an HTML comment
 * as text, so a comment left in a published article would show on the page: it counts as template too.
 */
export const TEMPLATE_NOTE = '<!-- Hướng dẫn của bantin new';

/** The body of a new article: the how-to comment, then the placeholder line. */
export function templateBody(): string {
  return [
    `${TEMPLATE_NOTE} (xóa cả khối này khi viết xong):`,
    '  - Viết nội dung bài thay cho dòng mẫu bên dưới; giữa hai đoạn văn để một dòng trống.',
    '  - Đoạn văn đầu tiên được dùng làm tóm tắt nếu phần đầu bài không có dòng `summary:`.',
    '  - Xem trước: bantin serve --drafts. Đăng bài: đổi `draft: true` thành `draft: false`.',
    '-->',
    '',
    PLACEHOLDER,
    '',
  ].join('\n');
}

/**
 * Where the template's text is still in an article file (`text`: the whole file, `\n` line ends):
 * the first line holding the comment or the placeholder, below the front matter; null if none.
 */
export function findTemplateText(text: string): { line: number; column: number; excerpt: string } | null {
  // Most files hold neither text anywhere: splitting each into lines was a fifth of reading it.
  if (!text.includes(TEMPLATE_NOTE) && !text.includes(PLACEHOLDER)) return null;
  const lines = text.split('\n');
  const close = lines.findIndex((l, i) => i > 0 && /^---[ \t]*$/.test(l));
  for (let i = close + 1; close > 0 && i < lines.length; i++) {
    const found = [TEMPLATE_NOTE, PLACEHOLDER].map((t) => lines[i].indexOf(t)).filter((n) => n >= 0);
    if (found.length) return { line: i + 1, column: Math.min(...found) + 1, excerpt: lines[i] };
  }
  return null;
}
