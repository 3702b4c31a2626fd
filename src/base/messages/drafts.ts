// Catalogue part: `bantin new`, the template text it writes, and what check says about drafts and authors.
import type { Entry } from './entry.js';

export const DRAFT_MESSAGES: Record<string, Entry> = {
  'article-placeholder': {
    vi: 'bài viết vẫn còn phần mẫu của `bantin new` (khối hướng dẫn `<!-- … -->` hoặc dòng "{placeholder}") nhưng không còn là bản nháp',
    en: 'the article still holds the template text of `bantin new` (the `<!-- … -->` note or the line "{placeholder}") but is not a draft',
    hint: {
      vi: 'viết nội dung bài thay cho dòng mẫu và xóa khối `<!-- … -->`; nếu bài chưa xong, để lại dòng `draft: true` ở phần đầu bài',
      en: 'write the article in place of the template line and delete the `<!-- … -->` note; if it is not finished, keep `draft: true` in the front matter',
    },
  },
  'check-draft-placeholder': {
    vi: 'bản nháp vẫn còn phần mẫu của `bantin new`; chưa đăng được như vậy',
    en: 'the draft still holds the template text of `bantin new`; it cannot be published like this',
    hint: { vi: 'viết nội dung bài thay cho dòng mẫu và xóa khối `<!-- … -->` trước khi bỏ `draft: true`', en: 'write the article in place of the template line and delete the `<!-- … -->` note before removing `draft: true`' },
  },
  'check-old-draft': {
    vi: 'bản nháp này đã {days} ngày chưa đăng (ngày ghi trong bài: {date})',
    en: 'this draft has waited {days} days unpublished (its date: {date})',
    hint: {
      vi: 'đăng bài (đổi thành `draft: false` và sửa `date`), hoặc xóa tệp nếu không cần nữa; `bantin check --draft-age {limit}` là ngưỡng hiện tại',
      en: 'publish it (set `draft: false` and update `date`), or delete the file if it is no longer needed; the current limit is `bantin check --draft-age {limit}`',
    },
  },
  'check-no-author': {
    vi: 'bài viết đã đăng nhưng chưa ghi tác giả (`author`)',
    en: 'the published article has no `author`',
    hint: {
      vi: 'thêm dòng như `author: Văn phòng UBND xã` vào phần đầu bài; đặt `defaultAuthor:` trong bantin.yaml để `bantin new` tự điền',
      en: 'add a line like `author: Văn phòng UBND xã` to the front matter; set `defaultAuthor:` in bantin.yaml so `bantin new` fills it in',
    },
  },
  'cli-bad-draft-age': { vi: '--draft-age phải là một số ngày (số nguyên ≥ 1), không phải {value}', en: '--draft-age must be a number of days (a whole number ≥ 1), not {value}' },
  'new-no-slug': {
    vi: 'tiêu đề "{title}" không có chữ cái hay chữ số nào để đặt tên tệp',
    en: 'the title "{title}" has no letters or digits to make a file name from',
    hint: { vi: 'đặt tiêu đề bằng chữ, ví dụ: bantin new "Thông báo lịch tiếp công dân"', en: 'give a title in words, like: bantin new "Thông báo lịch tiếp công dân"' },
  },
  'new-no-category-slug': {
    vi: 'chuyên mục "{category}" không có chữ cái hay chữ số nào để đặt tên thư mục',
    en: 'cannot make a folder name from the category "{category}"',
    hint: { vi: 'đặt tên chuyên mục bằng chữ, ví dụ: --category "Thông báo"', en: 'name the category in words, like: --category "Thông báo"' },
  },
  'new-exists': {
    vi: 'tệp {path} đã có; bantin không ghi đè lên bài đã có',
    en: '{path} already exists; bantin does not write over an article',
    hint: { vi: 'chọn tiêu đề khác, hoặc mở tệp đó ra để sửa', en: 'choose another title or edit that file' },
  },
};
