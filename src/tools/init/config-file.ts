// The new site's `bantin.yaml`: every key, each with a comment in Vietnamese saying what it does;
// keys the answers did not fill are shown commented out with an example.
import { DEFAULT_CONFIG } from '../../load/config.js';
import type { Answers } from './questions.js';

/** A YAML double-quoted scalar: JSON's string syntax is valid YAML and escapes everything needed. */
const q = (s: string) => JSON.stringify(s);
const list = (items: string[]) => `[${items.map(q).join(', ')}]`;

export function configFile(a: Answers): string {
  const d = DEFAULT_CONFIG;
  return `# Cấu hình cổng thông tin (bantin.yaml). Tên khoá (bên trái dấu hai chấm) viết bằng tiếng Anh, giữ nguyên;
# chỉ sửa phần giá trị bên phải. Dòng bắt đầu bằng # là chú thích: bỏ dấu # để dùng dòng đó.
# Sửa xong, chạy \`npm run check\` để kiểm tra.

# Tên cổng thông tin, hiện ở đầu trang và trong tiêu đề mọi trang.
title: ${q(a.title)}
# Cơ quan chủ quản, hiện phía trên tên cổng và ở chân trang.
unit: ${q(a.unit)}
# Một câu giới thiệu cổng: dùng cho máy tìm kiếm và nguồn tin RSS.
description: ${q(`${a.title}${a.unit ? ` của ${a.unit}` : ''}.`)}
# Địa chỉ đầy đủ của trang khi xuất bản, kết thúc bằng dấu /. Mọi liên kết, nguồn tin, sơ đồ trang dùng địa chỉ này.
baseUrl: ${q(a.baseUrl)}
# Múi giờ của ngày giờ trong bài viết (tên IANA).
timezone: ${d.timezone}
# Ngôn ngữ giao diện: vi (tiếng Việt) hoặc en.
locale: ${d.locale}
# Số bài trên mỗi trang danh sách.
pageSize: ${d.pageSize}
# Số bài trong "TIN MỚI HƠN" và "TIN ĐÃ ĐƯA" dưới mỗi bài.
relatedCount: ${d.relatedCount}
# Lấy "TIN MỚI HƠN"/"TIN ĐÃ ĐƯA" từ: category (cùng chuyên mục) hoặc site (toàn trang).
relatedScope: ${d.relatedScope}
# Chuyên mục của bài không ghi \`category:\`.
defaultCategory: ${q(a.categories[0])}
# Các chuyên mục, theo thứ tự trên thanh menu. Mỗi chuyên mục có trang riêng kể cả khi chưa có bài.
categories: ${list(a.categories)}
# "LIÊN KẾT WEB": mỗi liên kết có title (tên) và url (địa chỉ).
links:
  - title: "Cổng Dịch vụ công quốc gia"
    url: "https://dichvucong.gov.vn/"
  - title: "Cổng thông tin điện tử Chính phủ"
    url: "https://chinhphu.vn/"
# Mục thêm vào menu sau các chuyên mục, cùng dạng với links (địa chỉ không có dấu : là trang trong cổng).
menu: []
# "SỐ LƯỢT TRUY CẬP" ban đầu (số lượt của cổng cũ, nếu có); lượt xem đếm được sẽ được cộng thêm.
# visits: 0
# Biểu trưng ở đầu trang: một tệp trong content/, ví dụ files/logo.png.
# logo: files/logo.png
# Chân trang: chỉ ghi giá trị, giao diện tự thêm nhãn ("Địa chỉ:", "Điện thoại:" …). Để trống thì không hiện.
footer:
  # Địa chỉ trụ sở.
  address: ${q(a.address)}
  # Số điện thoại.
  phone: ${q(a.phone)}
  # Thư điện tử.
  email: ${q(a.email)}
  # Người chịu trách nhiệm nội dung.
  responsible: ${q(a.responsible)}
# Màu của giao diện (mã màu CSS): primary (màu chính), accent (màu nhấn).
# colors:
#   primary: "#0a4f8c"
#   accent: "#c8102e"
# Các khối ở cột bên, theo thứ tự: date ("Xem theo ngày"), links ("LIÊN KẾT WEB"), links-select (liên kết dạng
# danh sách thả xuống), visits ("SỐ LƯỢT TRUY CẬP"), search (ô tìm kiếm).
sidebar: ${list(d.sidebar)}
# Cách đọc Markdown trong bài viết.
markdown:
  # true: cho phép viết HTML trong bài (chỉ bật khi mọi người viết bài đều tin cậy được).
  html: ${d.markdown.html}
  # true: địa chỉ web viết trần trong bài tự thành liên kết.
  linkify: ${d.markdown.linkify}
  # true: đổi dấu nháy thẳng thành nháy cong, -- thành gạch dài.
  typographer: ${d.markdown.typographer}
# Nguồn tin RSS/Atom/JSON.
feeds:
  # Số bài mới nhất trong mỗi nguồn tin.
  limit: ${d.feeds.limit}
  # true: đưa toàn văn bài vào nguồn tin thay cho phần tóm tắt.
  fullContent: ${d.feeds.fullContent}
# Giá trị riêng cho giao diện tự làm (templates/), dùng trong mẫu là site.config.extra.
# extra:
#   hotline: "1900 0000"
`;
}
