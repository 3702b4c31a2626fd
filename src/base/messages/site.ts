// Catalogue part: problems of the site as a whole: two sources wanting one address, a file where a
// folder must go, the robots.txt of a site under a base path, the build cache and views file.
import type { Entry } from './entry.js';

const SAME_URL = { vi: 'hai nguồn cùng muốn địa chỉ /{url}: {first} và {second}', en: 'two sources want the same URL /{url}: {first} and {second}' };

export const SITE_MESSAGES: Record<string, Entry> = {
  'url-taken-two-articles': {
    ...SAME_URL,
    hint: { vi: 'đặt `slug:` khác cho một trong hai bài ở phần đầu bài, hoặc đổi tên tệp', en: 'give one of them another `slug:` in its front matter, or rename its file' },
  },
  'url-taken-article': {
    ...SAME_URL,
    hint: { vi: 'đặt `slug:` khác cho bài viết, hoặc đổi tên tệp trong content/', en: 'give the article another `slug:`, or rename the file in content/' },
  },
  'url-taken-generated': {
    ...SAME_URL,
    hint: { vi: 'đổi tên hoặc chuyển tệp trong content/ đi chỗ khác: bantin tự làm trang đó', en: 'rename or move the file in content/: bantin makes that page itself' },
  },
  'output-file-taken': {
    vi: 'hai nguồn cùng muốn tệp kết quả /{path}: {first} và {second}', en: 'two sources want the same output file /{path}: {first} and {second}',
    hint: { vi: 'đổi tên tệp trong content/ để không trùng với tên bantin tự tạo', en: 'rename the file in content/ so it does not take a name bantin generates' },
  },
  'file-where-folder-for-article': {
    vi: 'tệp này có địa chỉ /{folder}, nhưng {source} cần một thư mục ở đó (/{path})', en: 'this file has the URL /{folder}, but {source} needs a folder there (/{path})',
    hint: { vi: 'đổi tên tệp (ví dụ thêm đuôi như .pdf), hoặc đặt `slug:` khác cho bài viết', en: 'rename the file (for example give it an extension such as .pdf), or give the article another `slug:`' },
  },
  'file-where-folder-for-bantin': {
    vi: 'tệp này có địa chỉ /{folder}, nhưng {source} cần một thư mục ở đó (/{path})', en: 'this file has the URL /{folder}, but {source} needs a folder there (/{path})',
    hint: { vi: 'đổi tên hoặc chuyển tệp đi chỗ khác: bantin tự tạo /{folder}/', en: 'rename or move the file: bantin makes /{folder}/ itself' },
  },
  'folder-under-file': {
    vi: 'thư mục này sẽ nằm ở /{folder}/, nhưng {file} là tệp /{folder}', en: 'this folder would publish under /{folder}/, but {file} is the file /{folder}',
    hint: { vi: 'đổi tên thư mục: bantin tự tạo /{folder}', en: 'rename the folder: bantin makes /{folder} itself' },
  },
  'article-under-file': {
    vi: 'bài này sẽ nằm ở /{folder}/, nhưng {file} là tệp /{folder}', en: 'this article would publish under /{folder}/, but {file} is the file /{folder}',
    hint: { vi: 'đặt `slug:` khác cho bài viết, hoặc đổi tên tệp', en: 'give the article another `slug:`, or rename its file' },
  },
  'robots-under-base-path': {
    vi: 'trang được đăng dưới {basePath}, nhưng máy tìm kiếm chỉ đọc robots.txt ở {root}: tệp robots.txt trong thư mục kết quả sẽ không được đọc',
    en: 'the site is published under {basePath}, but crawlers read robots.txt only at {root}: the robots.txt written in the output folder is not read there',
    hint: { vi: 'nhờ người quản trị máy chủ thêm dòng này vào {root}: Sitemap: {sitemap}', en: 'add this line to {root}: Sitemap: {sitemap}' },
  },
  'cache-locked': {
    vi: 'một lần dựng trang khác đang dùng bộ nhớ đệm trong {dir}/; lần này dựng không dùng bộ nhớ đệm', en: 'another bantin build is using the build cache in {dir}/; this one builds without it',
    hint: { vi: 'đợi lần dựng kia xong; khóa của một lần dựng bị dừng giữa chừng sẽ được lần dựng sau lấy lại', en: 'wait for the other build to finish; a lock left by a build that was killed is taken over on the next build' },
  },
  'cache-not-saved': {
    vi: 'thư mục kết quả đã được cập nhật, nhưng không lưu được bộ nhớ đệm ({reason}); lần dựng sau sẽ dựng lại toàn bộ',
    en: 'the output folder was updated, but the build cache could not be saved ({reason}); the next build will build everything afresh',
    hint: { vi: 'giải phóng dung lượng trên ổ đĩa chứa thư mục trang, hoặc kiểm tra quyền ghi vào .bantin/', en: 'free some space on the disk that holds the site folder, or check that bantin may write to .bantin/' },
  },
  'views-file-foreign': {
    vi: 'tệp này không phải tệp lượt xem do `bantin views` ghi, nên lượt xem đã đếm không được hiện', en: 'this is not a views file as `bantin views` writes it, so no counted views are shown',
    hint: { vi: 'lấy lại tệp từ Git, hoặc xóa nó rồi chạy lại `bantin views`', en: 'restore it from Git, or delete it and run `bantin views` again' },
  },
  'locale-missing': {
    vi: 'không có tệp chữ của giao diện cho locale "{locale}"', en: 'there is no translations file for locale "{locale}"',
    hint: { vi: 'ghi `locale: vi` hoặc `locale: en`, hoặc thêm tệp templates/{dir}/{locale}.yaml', en: 'use locale: vi or locale: en, or add templates/{dir}/{locale}.yaml' },
  },
  'locale-aliases': {
    vi: 'tệp chữ của giao diện quá lớn khi mở rộng các tham chiếu YAML (`*tên`)', en: 'the translations file is far too large once its YAML aliases (`*name`) are expanded',
    hint: { vi: 'viết thẳng các dòng chữ ra, không dùng `&tên` / `*tên`', en: 'write the texts out instead of repeating `&anchor` / `*alias` references' },
  },
  'locale-yaml': {
    vi: 'không đọc được tệp chữ của giao diện ở chỗ này (chi tiết: {reason})', en: 'cannot read this translations file: {reason}',
    hint: { vi: 'kiểm tra dòng này: thụt đầu dòng bằng dấu cách (không dùng Tab), chữ có `: ` hoặc `#` phải đặt trong ngoặc kép', en: 'check that line: YAML uses spaces (not tabs) to indent, and texts with `: ` or `#` need double quotes' },
  },
};
