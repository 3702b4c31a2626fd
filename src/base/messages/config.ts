// Catalogue part: mistakes in bantin.yaml (the file, a key's value, categories, menu and links), and
// what each key expects, so an editor or the IT team reads which value to write and how.
import type { Entry } from './entry.js';

type Pair = { vi: string; en: string };

export const CONFIG_MESSAGES: Record<string, Entry> = {
  'config-encoding': {
    vi: 'tệp cấu hình không phải văn bản UTF-8 (có thể được lưu bằng bảng mã cũ)', en: 'the config file is not valid UTF-8 text',
    hint: { vi: 'mở bantin.yaml và lưu lại với bảng mã UTF-8', en: 'save it again with the UTF-8 encoding' },
  },
  'config-binary': {
    vi: 'tệp cấu hình có ký tự NUL: có vẻ đây là tệp nhị phân, không phải văn bản', en: 'the config file contains a NUL byte: it looks like a binary file, not text',
    hint: { vi: 'lưu bantin.yaml thành văn bản thường, bảng mã UTF-8', en: 'save it as plain UTF-8 text' },
  },
  'config-not-mapping': {
    vi: 'tệp cấu hình phải gồm các dòng `khóa: giá trị`', en: 'the config must be a mapping of `key: value` lines',
    hint: { vi: 'mỗi dòng một `khóa: giá trị`, như `title: Cổng thông tin huyện Sông Lam`', en: 'write one `key: value` per line, like `title: Cổng thông tin huyện Sông Lam`' },
  },
  'config-aliases': {
    vi: 'tệp cấu hình quá lớn khi mở rộng các tham chiếu YAML (`*tên`)', en: 'the config is far too large once its YAML aliases (`*name`) are expanded',
    hint: { vi: 'viết thẳng các giá trị ra, không dùng `&tên` / `*tên`', en: 'write the values out instead of repeating `&anchor` / `*alias` references' },
  },
  /** A key with a value of the wrong kind: what it expects and the hint come from CONFIG_WANTS / configExample. */
  'config-bad-value': {
    vi: '`{key}` phải là {whatVi}', en: '`{key}` must be {whatEn}',
    hint: { vi: '{hintVi}', en: '{hintEn}' },
  },
  'config-category-no-slug': {
    vi: 'chuyên mục "{name}" trong `{key}` không có chữ cái hay chữ số nào để làm địa chỉ trang', en: 'the category "{name}" in `{key}` has no letters or digits to make a URL from',
    hint: { vi: 'đặt tên chuyên mục bằng chữ, như `Thông báo`', en: 'name the category with words, like `Thông báo`' },
  },
  'config-category-reserved': {
    vi: 'chuyên mục "{name}" trong `{key}` sẽ có địa chỉ /{slug}/, là địa chỉ bantin đã dùng cho trang riêng', en: 'the category "{name}" in `{key}` would take the URL /{slug}/, which bantin uses itself',
    hint: { vi: 'chọn tên khác, như "{name} chung" (bantin giữ {reserved} cho mình)', en: 'choose another name, like "{name} chung" (bantin keeps {reserved} for itself)' },
  },
  'config-link-refused': {
    vi: '`url` của mục thứ {n} trong `{key}` {reasonVi}', en: 'the `url` of entry {n} in `{key}` {reasonEn}',
    hint: { vi: '{hintVi}', en: '{hintEn}' },
  },
  'config-unknown-subkey': {
    vi: 'bantin không biết khóa cấu hình `{key}` nên bỏ qua nó', en: 'unknown config key `{key}` is ignored',
    hint: { vi: 'có phải bạn định viết `{guess}`?', en: 'did you mean `{guess}`?' },
  },
  'config-unknown-subkey-no-guess': { vi: 'bantin không biết khóa cấu hình `{key}` nên bỏ qua nó', en: 'unknown config key `{key}` is ignored' },
};

/** What a key of bantin.yaml expects, read after "`key` must be" / "`key` phải là". */
export const CONFIG_WANTS = {
  text: { vi: 'một đoạn chữ', en: 'text' },
  nonEmptyText: { vi: 'một đoạn chữ, không để trống', en: 'a non-empty text' },
  locale: { vi: 'tên một bộ chữ của giao diện, như `vi` hoặc `en`', en: 'the name of a strings file, like `vi` or `en`' },
  logo: { vi: 'đường dẫn tới một ảnh trong thư mục content/, như files/logo.png', en: 'a path to an image inside content/, like files/logo.png' },
  baseUrl: {
    vi: 'địa chỉ đầy đủ của trang, bắt đầu bằng http:// hoặc https://, như https://example.gov.vn/ hoặc https://example.gov.vn/huyen/',
    en: 'an absolute http(s) URL such as https://example.gov.vn/ or https://example.gov.vn/huyen/',
  },
  timezone: { vi: 'tên một múi giờ (theo danh sách IANA)', en: 'an IANA timezone name' },
  wholeFrom: (min: number): Pair => ({ vi: `một số nguyên từ ${min} đến 1000`, en: `a whole number from ${min} to 1000` }),
  wholeAtLeast: (min: number): Pair => ({ vi: `một số nguyên, từ ${min} trở lên`, en: `a whole number ≥ ${min}` }),
  relatedScope: { vi: '`category` (cùng chuyên mục) hoặc `site` (cả trang)', en: '`category` or `site`' },
  categories: { vi: 'danh sách tên chuyên mục, như [Tin tức, Thông báo]', en: 'a list of category names, like [Tin tức, Thông báo]' },
  links: {
    vi: 'danh sách các mục có `title` và `url` (địa chỉ http(s), liên kết mailto: hoặc tel:, hoặc đường dẫn trong trang)',
    en: 'a list of entries with `title` and `url` (an http(s), mailto: or tel: link, or a path on the site)',
  },
  footer: { vi: 'các dòng `tên: chữ` thụt vào bên dưới', en: 'a mapping of names to texts' },
  colors: { vi: 'các dòng `tên: màu CSS` thụt vào bên dưới, như `primary: "#0a4f8c"`', en: 'a mapping of names to CSS colours, like `primary: "#0a4f8c"`' },
  sidebar: (blocks: string): Pair => ({ vi: `danh sách chọn trong ${blocks}`, en: `a list drawn from ${blocks}` }),
  mapping: { vi: 'các dòng `khóa: giá trị` thụt vào bên dưới', en: 'a mapping' },
  boolean: { vi: '`true` (có) hoặc `false` (không)', en: '`true` or `false`' },
} as const;

/** What the `theme:` and `english:` keys expect, and how to write them (load/portal-config.ts). */
export const PORTAL_WANTS = {
  theme: { vi: 'các dòng bật/tắt tính năng của giao diện, mỗi dòng `true` hoặc `false`', en: 'a mapping of the theme\'s features to `true` or `false`' },
  themeHint: { vi: 'viết `theme:` rồi các dòng thụt vào bên dưới, như `  save: false`', en: 'write `theme:` then indented lines like `  save: false`' },
  byline: { vi: '`portal` (tên tác giả một lần, chữ in hoa) hoặc `label` ("Tác giả: …")', en: '`portal` (the author once, in capitals) or `label` ("Tác giả: …")' },
  bylineHint: { vi: 'viết như `  byline: portal`', en: 'write it like `  byline: portal`' },
  switchHint: (key: string): Pair => ({ vi: `viết như \`  ${key}: false\``, en: `write it like \`  ${key}: false\`` }),
  english: {
    vi: 'các dòng thụt vào bên dưới cho trang tiếng Anh', en: 'a mapping',
  },
  englishOrganisation: { vi: 'các dòng thụt vào bên dưới, ít nhất có `organisation:`', en: 'a mapping with at least `organisation:`' },
  englishHint: {
    vi: 'viết `english:` rồi các dòng thụt vào: `organisation:`, `functions:`, `leaders:` (danh sách `name:` và `position:`) và `contacts:`',
    en: 'write `english:` then indented `organisation:`, `functions:`, `leaders:` (a list of `name:` and `position:`) and `contacts:`',
  },
  organisationHint: { vi: 'viết như `  organisation: People\'s Committee of Song Lam District` (tên cơ quan bằng tiếng Anh)', en: 'write it like `  organisation: People\'s Committee of Song Lam District`' },
  functions: { vi: 'một đoạn chữ hoặc danh sách các đoạn', en: 'a text or a list of paragraphs' },
  functionsHint: { vi: 'viết `  functions:` rồi các dòng thụt vào như `    - The People\'s Committee …`', en: 'write `  functions:` then indented lines like `    - The People\'s Committee …`' },
  leaders: { vi: 'danh sách các mục có `name` (họ tên) và `position` (chức vụ)', en: 'a list of entries with `name` and `position`' },
  leadersHint: { vi: 'mỗi mục: `    - name: Le Hoang Son` rồi dòng dưới `      position: Chairman`', en: 'each entry: `    - name: Le Hoang Son` then `      position: Chairman`' },
  contacts: { vi: 'các dòng `address`, `phone`, `email`, `website` thụt vào bên dưới, mỗi dòng một đoạn chữ', en: 'a mapping of `address`, `phone`, `email`, `website` to texts' },
  contactsHint: { vi: 'viết `  contacts:` rồi các dòng thụt vào như `    phone: "+84 200 3812 456"`', en: 'write `  contacts:` then indented lines like `    phone: "+84 200 3812 456"`' },
  contactHint: (key: string): Pair => ({ vi: `viết như \`    ${key}: …\``, en: `write it like \`    ${key}: …\`` }),
  website: { vi: 'một địa chỉ http(s)', en: 'an http(s) address' },
  websiteHint: { vi: 'viết như `    website: https://songlam.hagiangnam.gov.vn/`', en: 'write it like `    website: https://songlam.hagiangnam.gov.vn/`' },
} as const;

/** Hints that are not an example of the key. */
export const CONFIG_HINTS = {
  timezone: { vi: 'ở Việt Nam ghi `timezone: Asia/Ho_Chi_Minh`', en: 'for Vietnam use Asia/Ho_Chi_Minh' },
  links: { vi: 'mỗi mục: `- title: Cổng Dịch vụ công quốc gia` rồi dòng dưới `  url: https://dichvucong.gov.vn/`', en: 'each entry: `- title: Cổng Dịch vụ công quốc gia` then `  url: https://dichvucong.gov.vn/`' },
} as const;

/** What a right value looks like, for the hint of a key that has a wrong one (one text: the same in both languages). */
const EXAMPLES: Record<string, string | Pair> = {
  title: '`title: Cổng thông tin điện tử huyện Sông Lam`', unit: '`unit: Ủy ban nhân dân huyện Sông Lam`',
  description: '`description: "Một câu giới thiệu."`', defaultCategory: '`defaultCategory: Tin tức`',
  defaultAuthor: '`defaultAuthor: Văn phòng HĐND và UBND huyện`', locale: '`locale: vi`',
  logo: '`logo: files/logo.png`', pageSize: '`pageSize: 20`', relatedCount: '`relatedCount: 10`', visits: '`visits: 21262`',
  relatedScope: '`relatedScope: category`', categories: '`categories: [Tin tức, Thông báo]`', sidebar: '`sidebar: [date, links, visits]`',
  markdown: { vi: '`markdown:` rồi các dòng thụt vào bên dưới, như `  html: false`', en: '`markdown:` then indented lines like `  html: false`' },
  feeds: { vi: '`feeds:` rồi các dòng thụt vào bên dưới, như `  limit: 50`', en: '`feeds:` then indented lines like `  limit: 50`' },
  footer: { vi: '`footer:` rồi các dòng thụt vào bên dưới, như `  phone: "0238 3812 345"`', en: '`footer:` then indented lines like `  phone: "0238 3812 345"`' },
  colors: { vi: '`colors:` rồi các dòng thụt vào bên dưới, như `  primary: "#0a4f8c"`', en: '`colors:` then indented lines like `  primary: "#0a4f8c"`' },
  extra: { vi: '`extra:` rồi các dòng `khóa: giá trị` thụt vào bên dưới', en: '`extra:` then indented `key: value` lines' },
  'feeds.limit': '`  limit: 50`', 'feeds.fullContent': '`  fullContent: false`',
};

/** The hint for a key with a wrong value: an example of a right one, or where the keys are listed. */
export function configExample(key: string): Pair {
  const line = EXAMPLES[key] ?? (key.startsWith('markdown.') ? { vi: `\`  ${key.slice(9)}: true\` hoặc \`false\``, en: `\`  ${key.slice(9)}: true\` or \`false\`` } : null);
  if (line === null) return { vi: 'xem danh sách các khóa cấu hình trong README', en: 'see the list of config keys in the README' };
  const [vi, en] = typeof line === 'string' ? [line, line] : [line.vi, line.en];
  return { vi: `viết như ${vi}`, en: `write it like ${en}` };
}
