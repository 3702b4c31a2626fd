// The new site's README.md, in Vietnamese for the editors and the IT officer who keep the portal.
import { VERSION } from '../../base/install.js';
import type { Answers } from './questions.js';
import { PLACEHOLDER } from '../../load/article-template.js';

export function editorsReadme(a: Answers): string {
  return `# ${a.title}

Kho nội dung của ${a.title}${a.unit ? ` (${a.unit})` : ''}, xây dựng bằng bantin, trình tạo cổng thông tin tĩnh.
Cổng được đăng tại ${a.baseUrl}

## Viết bài

- Mỗi bài là một tệp \`.md\` trong \`content/\`, theo chuyên mục và năm, ví dụ
  \`content/tin-tuc/2025/hoi-nghi-tong-ket.md\`. Tạo nhanh một bài: \`npm run new -- "Tiêu đề bài viết"\`.
  Bài mới là bản nháp (\`draft: true\`): viết nội dung thay cho dòng mẫu "${PLACEHOLDER}",
  xoá khối hướng dẫn \`<!-- … -->\`, rồi xoá dòng \`draft: true\` để đăng. Bài còn phần mẫu thì không đăng được.
- Phần đầu tệp (giữa hai dòng \`---\`) ghi tiêu đề (\`title\`), ngày giờ (\`date\`), tác giả (\`author\`),
  chuyên mục (\`category\`). Bài có \`draft: true\` là bài nháp, chưa đăng.
- Ảnh, tệp PDF, Word … đặt trong \`content/files/\`.
- Bài mẫu \`content/…/chao-mung.md\` giải thích cách viết; xoá nó khi không cần nữa.

## Xem thử trên máy

Cần Node.js 20 trở lên. Lần đầu: \`npm install\`. Sau đó:

\`\`\`sh
npm run serve              # mở http://127.0.0.1:8080/ ; lưu tệp là trang tự tải lại
npm run serve -- --drafts  # xem cả bài nháp
npm run check              # kiểm tra bài viết và cấu hình, báo lỗi kèm số dòng
npm run build              # tạo toàn bộ cổng trong thư mục dist/
\`\`\`

## Đăng bài

Đẩy (push) thay đổi lên nhánh \`main\`: \`.github/workflows/publish.yml\` tự xây dựng và đăng cổng lên
GitHub Pages, và chạy lại mỗi giờ để bài hẹn giờ xuất hiện đúng lúc. Cài đặt một lần:
Settings → Pages → Source: "GitHub Actions". Đăng trên máy chủ riêng: chép thư mục \`dist/\` lên máy chủ.

## Cấu hình

Tên cổng, cơ quan chủ quản, chuyên mục, liên kết, chân trang … nằm trong \`bantin.yaml\`; mỗi dòng có chú
thích. Muốn đổi giao diện, đặt tệp cùng tên với tệp của giao diện mặc định vào thư mục \`templates/\`.

## Nâng cấp bantin

Cổng dùng bantin ${VERSION} (ghi trong \`package.json\`). Lên bản mới:

\`\`\`sh
npm install bantin@<phiên-bản>   # hoặc đường dẫn Git/tệp .tgz mà đơn vị cung cấp bantin đưa
npm run check                    # khoá cấu hình đã đổi tên sẽ được báo, kèm cách sửa
\`\`\`

rồi commit \`package.json\` và \`package-lock.json\`.
`;
}
