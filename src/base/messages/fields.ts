// Catalogue part: an article's front-matter fields of the wrong kind, its dates, its file's encoding,
// and its links and pictures: what a build stops or warns on most.
import type { Entry } from './entry.js';

const DATE_HINT = {
  vi: 'viết dạng `2020-01-28 23:10` (giờ của trang), `2020-01-28`, hoặc `2020-01-28T23:10:00+07:00`',
  en: 'write it as `2020-01-28 23:10` (site time), `2020-01-28` or `2020-01-28T23:10:00+07:00`',
};

export const FIELD_MESSAGES: Record<string, Entry> = {
  'article-binary': {
    vi: 'tệp có ký tự NUL: có vẻ đây là tệp nhị phân (ảnh, tài liệu Word…), không phải văn bản',
    en: 'the file contains a NUL byte: it looks like a binary file, not text',
    hint: { vi: 'lưu bài viết thành văn bản thường, bảng mã UTF-8', en: 'save the article as plain UTF-8 text' },
  },
  'article-encoding': {
    vi: 'tệp không phải văn bản UTF-8 (có thể được lưu bằng bảng mã cũ)',
    en: 'the file is not valid UTF-8 text',
    hint: { vi: 'mở tệp và lưu lại với bảng mã UTF-8 (không dùng Windows-1258 hay VNI/TCVN3)', en: 'save it again with the UTF-8 encoding (not Windows-1258 or VNI/TCVN3)' },
  },
  'front-matter-aliases': {
    vi: 'phần thông tin đầu bài quá lớn khi mở rộng các tham chiếu YAML (`*tên`)',
    en: 'the front matter is far too large once its YAML aliases (`*name`) are expanded',
    hint: { vi: 'viết thẳng các giá trị ra, không dùng `&tên` / `*tên`', en: 'write the values out instead of repeating `&anchor` / `*alias` references' },
  },
  'front-matter-not-mapping': {
    vi: 'phần thông tin đầu bài phải gồm các dòng `khóa: giá trị`',
    en: 'the front matter must be `key: value` lines',
    hint: { vi: 'mỗi dòng một `khóa: giá trị`, như `title: "..."` và `date: 2024-01-28`', en: 'write one `key: value` per line, like `title: "..."` and `date: 2024-01-28`' },
  },
  'field-title-not-text': {
    vi: '`title` phải là một dòng chữ', en: '`title` must be text',
    hint: { vi: 'viết `title: "Tiêu đề bài viết"`', en: 'write `title: "..."`' },
  },
  'field-author-not-text': {
    vi: '`author` phải là tên người hoặc đơn vị viết bài, như `Nguyễn Văn A`', en: '`author` must be text, a name like `Nguyễn Văn A`',
    hint: { vi: 'viết `author: Nguyễn Văn A`, hoặc xóa dòng này', en: 'write `author: Nguyễn Văn A`, or leave the line out' },
  },
  'field-category-not-text': {
    vi: '`category` phải là tên của một chuyên mục, như `Tin tức`', en: '`category` must be the name of one category, like `Tin tức`',
    hint: { vi: 'viết `category: Tin tức` (một chuyên mục; các từ khóa khác ghi vào `tags:`)', en: 'write `category: Tin tức` (one category; use `tags:` for more keywords)' },
  },
  'field-category-no-slug': {
    vi: 'chuyên mục "{name}" không có chữ cái hay chữ số nào để làm địa chỉ trang', en: 'the category "{name}" has no letters or digits to make a URL from',
    hint: { vi: 'đặt tên chuyên mục bằng chữ, như `category: Thông báo`', en: 'name the category with words, like `category: Thông báo`' },
  },
  'field-category-reserved': {
    vi: 'chuyên mục "{name}" sẽ có địa chỉ /{slug}/, là địa chỉ bantin đã dùng cho trang riêng', en: 'the category "{name}" would take the URL /{slug}/, which bantin uses itself',
    hint: { vi: 'chọn tên chuyên mục khác', en: 'choose another category name' },
  },
  'category-spelling': {
    vi: 'chuyên mục "{name}" ở bài khác được viết là "{other}"; cả hai đều hiện là "{other}"', en: 'category "{name}" is spelled "{other}" elsewhere; both are shown as "{other}"',
    hint: { vi: 'viết tên chuyên mục giống nhau ở mọi bài, hoặc liệt kê nó trong `categories` của bantin.yaml', en: 'use one spelling everywhere, or list the category in bantin.yaml `categories`' },
  },
  'field-tags-not-list': {
    vi: '`tags` phải là danh sách từ khóa', en: '`tags` must be a list of texts',
    hint: { vi: 'viết `tags: [đất đai, dịch vụ công]`', en: 'write `tags: [đất đai, dịch vụ công]`' },
  },
  'field-summary-not-text': {
    vi: '`summary` phải là một đoạn chữ', en: '`summary` must be text',
    hint: { vi: 'viết `summary: "Một câu tóm tắt."`, trong ngoặc kép', en: 'write `summary: "Một câu tóm tắt."` in double quotes' },
  },
  'field-image-refused': { vi: '`image` {reasonVi}', en: '`image` {reasonEn}', hint: { vi: '{hintVi}', en: '{hintEn}' } },
  'field-image-not-text': {
    vi: '`image` phải là đường dẫn hoặc địa chỉ của một ảnh', en: '`image` must be the path or URL of an image',
    hint: { vi: 'viết đường dẫn tính từ tệp bài này, như `image: ../../files/anh.jpg`, hoặc một địa chỉ https://', en: 'write a path relative to this file, like `image: ../../files/anh.jpg`, or an https:// URL' },
  },
  'field-old-urls-not-list': {
    vi: '`oldUrls` phải là danh sách địa chỉ cũ', en: '`oldUrls` must be a list of addresses',
    hint: { vi: 'viết danh sách địa chỉ cũ, như `oldUrls: ["https://old.gov.vn/Lists/Posts/Post.aspx?ID=83"]`', en: 'write a list of the old addresses, like `oldUrls: ["https://old.gov.vn/Lists/Posts/Post.aspx?ID=83"]`' },
  },
  'field-old-urls-bad': {
    vi: '`oldUrls`: "{url}" không phải địa chỉ http(s) hay đường dẫn bắt đầu bằng /', en: '`oldUrls`: "{url}" is not an http(s) address or a path starting with /',
    hint: { vi: 'viết danh sách địa chỉ cũ, như `oldUrls: ["https://old.gov.vn/Lists/Posts/Post.aspx?ID=83"]`', en: 'write a list of the old addresses, like `oldUrls: ["https://old.gov.vn/Lists/Posts/Post.aspx?ID=83"]`' },
  },
  'field-slug-not-text': {
    vi: '`slug` phải là một dòng chữ', en: '`slug` must be text',
    hint: { vi: 'viết `slug: ten-bai-viet`', en: 'write `slug: ten-bai-viet`' },
  },
  'field-slug-empty': {
    vi: 'không tạo được địa chỉ trang từ `slug` "{value}"', en: 'cannot make a URL from `slug` "{value}"',
    hint: { vi: 'dùng chữ cái và chữ số, như `slug: ten-bai-viet`', en: 'use letters and digits, like `slug: ten-bai-viet`' },
  },
  'field-slug-from-file': {
    vi: 'không tạo được địa chỉ trang từ tên tệp "{value}"', en: 'cannot make a URL from the file name "{value}"',
    hint: { vi: 'đổi tên tệp bằng chữ cái và chữ số, hoặc thêm dòng `slug: ten-bai-viet`', en: 'use letters and digits, like `slug: ten-bai-viet`' },
  },
  'date-not-text': { vi: '`{key}`: ngày phải viết dạng 2020-01-28 23:10, không phải {typeVi}', en: '`{key}`: the date must be text like 2020-01-28 23:10, not {typeEn}', hint: DATE_HINT },
  'date-unreadable': { vi: '`{key}`: bantin không đọc được ngày "{value}"', en: '`{key}`: "{value}" is not a date bantin understands', hint: DATE_HINT },
  'date-year-range': { vi: '`{key}`: năm {year} nằm ngoài khoảng 1900–2999', en: '`{key}`: the year {year} is out of range (1900–2999)', hint: DATE_HINT },
  'date-not-real': {
    vi: '`{key}`: "{value}" không phải ngày giờ có thật', en: '`{key}`: "{value}" is not a real calendar date or time',
    hint: { vi: 'kiểm tra ngày trong tháng (tháng 2 có 28 hoặc 29 ngày) và giờ (từ 00 đến 23)', en: 'check the day of the month and the hour (00–23)' },
  },
  'date-bad-offset': {
    vi: '`{key}`: "{offset}" không phải múi giờ có thật', en: '`{key}`: "{offset}" is not a real UTC offset',
    hint: { vi: 'múi giờ từ -12:00 đến +14:00; Việt Nam là +07:00 (có thể bỏ hẳn phần này)', en: 'offsets run from -12:00 to +14:00; Vietnam is +07:00' },
  },
  'image-missing': {
    vi: 'không có ảnh {link}', en: 'the image {link} does not exist',
    hint: { vi: 'kiểm tra đường dẫn ở dòng `image:`; đường dẫn tính từ thư mục của tệp bài này', en: 'check the path in `image:`; it is relative to this file' },
  },
  'image-no-alt': {
    vi: 'ảnh {src} chưa có lời mô tả cho người đọc không nhìn thấy ảnh', en: 'the image {src} has no description (alt text) for readers who cannot see it',
    hint: { vi: 'viết lời mô tả giữa hai dấu ngoặc vuông: ![Quang cảnh hội nghị](anh.png)', en: 'describe it between the brackets: ![Quang cảnh hội nghị](anh.png)' },
  },
  'link-broken': {
    vi: 'liên kết hỏng: {link} không dẫn tới bài viết hay tệp nào', en: 'broken link: {link} points to no article or file',
    hint: { vi: 'đường dẫn tính từ thư mục của tệp bài này, ví dụ ../2024/bai-viet.md hoặc ../../files/tai-lieu.pdf', en: 'links are relative to this file, e.g. ../2024/bai-viet.md or ../../files/tai-lieu.pdf' },
  },
};

/** What a date was given as, when it is not text: the words for `{typeVi}` / `{typeEn}`. */
export const VALUE_KINDS: Record<string, { vi: string; en: string }> = {
  empty: { vi: 'để trống', en: 'empty' },
  list: { vi: 'một danh sách', en: 'a list' },
  mapping: { vi: 'một nhóm dòng `khóa: giá trị`', en: 'a mapping' },
  boolean: { vi: 'true/false', en: 'boolean' },
};
