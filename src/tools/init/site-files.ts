// The small files of a new site: package.json (bantin pinned, the npm scripts), .gitignore, the
// welcome article (a draft), and the folders content/files/ and data/.
import { DEFAULT_CONFIG } from '../../load/config.js';
import { pad, toSiteDate } from '../../base/dates.js';
import { slugify } from '../../base/slug.js';
import type { Answers } from './questions.js';

export function packageJson(name: string, a: Answers, bantinSpec: string): string {
  const pkg = {
    name: slugify(name) || 'cong-thong-tin',
    private: true,
    description: a.title,
    scripts: { build: 'bantin build', serve: 'bantin serve', check: 'bantin check', new: 'bantin new' },
    engines: { node: '>=20' },
    dependencies: { bantin: bantinSpec },
    // From Git, bantin compiles itself on install (its `prepare` script), which npm runs only with
    // consent, given per source for anything not from a registry; a tarball or a version runs nothing.
    ...(/^(git\+|github:|file:)/.test(bantinSpec) ? { allowScripts: { [bantinSpec]: true } } : {}),
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

export const GITIGNORE = `# Made by \`npm install\` and \`npm run build\`; never commit them.
node_modules/
dist/
.bantin/
.dist.*
`;

/** `content/<category>/<year>/chao-mung.md`, and its text: how to write an article, as an article. */
export function welcomeArticle(a: Answers, now: number): [string, string] {
  const d = toSiteDate(now, DEFAULT_CONFIG.timezone);
  const category = a.categories[0];
  const path = `content/${slugify(category) || 'tin-tuc'}/${d.year}/chao-mung.md`;
  const text = `---
title: ${JSON.stringify(`Chào mừng đến với ${a.title}`)}
date: ${d.year}-${pad(d.month)}-${pad(d.day)} ${pad(d.hour)}:${pad(d.minute)}
author: ${JSON.stringify(a.responsible)}
views: 0
category: ${JSON.stringify(category)}
tags: [hướng dẫn]
summary: "Bài mẫu: cách viết và đăng một bài trên cổng thông tin."
# Bài nháp: không được đăng. Xoá dòng dưới (hoặc ghi false) để đăng bài.
draft: true
---
Đây là bài viết đầu tiên của cổng. Nó đang là **bài nháp** (\`draft: true\`), nên chỉ hiện khi xem thử
bằng \`npm run serve -- --drafts\`.

## Viết một bài mới

Mỗi bài là một tệp \`.md\` trong thư mục \`content/\`. Phần đầu tệp, giữa hai dòng \`---\`, ghi:

| dòng | ý nghĩa |
| --- | --- |
| \`title\` | tiêu đề bài |
| \`date\` | ngày giờ đăng, ví dụ \`2025-07-01 08:30\` |
| \`author\` | tác giả |
| \`category\` | chuyên mục, ví dụ \`${category}\` |
| \`draft\` | \`true\` khi bài chưa đăng |

Phần sau là nội dung, viết bằng Markdown: một dòng trống ngăn hai đoạn văn, \`**chữ đậm**\`,
\`## Tiêu đề nhỏ\`, \`- \` đầu dòng cho danh sách.

Ảnh và tệp đính kèm (PDF, Word …) đặt trong \`content/files/\`, rồi dẫn tới, ví dụ
\`[Kế hoạch](../../files/ke-hoach.pdf)\`.
`;
  return [path, text];
}
