// Catalogue part: mistakes in front matter and bantin.yaml, written for the editors who make them.
import type { Entry } from './entry.js';

export const LOAD_MESSAGES: Record<string, Entry> = {
  'yaml-unclosed-quote': {
    vi: 'dấu ngoặc {quoteVi} mở ở đây chưa được đóng',
    en: 'the {quoteEn} opened here is never closed',
    hint: { vi: 'thêm dấu {quote} vào cuối giá trị, cùng dòng: {key}: {quote}…{quote}', en: 'add a closing {quote} at the end of the value, on the same line: {key}: {quote}…{quote}' },
  },
  'yaml-colon-in-value': {
    vi: 'giá trị của `{key}` có dấu hai chấm, nên bị hiểu nhầm là một khóa mới',
    en: 'the value of `{key}` contains a colon, so it reads as a new key',
    hint: { vi: 'đặt cả giá trị trong ngoặc kép: {key}: "{value}"', en: 'put the whole value in double quotes: {key}: "{value}"' },
  },
  'yaml-tab-indent': {
    vi: 'dòng này thụt đầu dòng bằng phím Tab',
    en: 'this line is indented with a tab',
    hint: { vi: 'xóa ký tự Tab và thụt đầu dòng bằng dấu cách (2 dấu cách)', en: 'YAML does not allow tabs for indentation; use spaces (two per level)' },
  },
  'yaml-duplicate-key': {
    vi: 'khóa `{key}` xuất hiện lần thứ hai',
    en: 'the key `{key}` appears a second time',
    hint: { vi: 'mỗi khóa chỉ được viết một lần; xóa dòng thừa', en: 'each key may appear once; remove the extra one' },
  },
  'yaml-unknown-tag': {
    vi: 'giá trị bắt đầu bằng dấu `!` bị hiểu là một thẻ YAML',
    en: 'a value starting with `!` is read as a YAML tag',
    hint: { vi: 'đặt giá trị trong ngoặc kép', en: 'put the text in double quotes' },
  },
  'yaml-syntax': {
    vi: 'không đọc được phần thông tin đầu bài ở chỗ này (chi tiết: {reason})',
    en: 'YAML syntax error in the front matter: {reason}',
    hint: { vi: 'kiểm tra dòng này: giá trị có dấu `: `, `#`, hoặc bắt đầu bằng dấu ngoặc hay `[` phải đặt trong ngoặc kép; thụt đầu dòng phải thẳng hàng', en: 'check that line; text containing `: `, `#` or starting with a quote or `[` must be put in double quotes' },
  },
  'front-matter-unclosed': {
    vi: 'phần thông tin đầu bài mở bằng `---` ở dòng 1 nhưng chưa được đóng',
    en: 'the front matter opened by `---` on line 1 is never closed',
    hint: { vi: 'thêm một dòng `---` ngay trên dòng này (sau dòng thông tin cuối cùng: date, author, …)', en: 'add a line `---` just above this line (after the last front-matter line: date, author, …)' },
  },
  'date-day-first': {
    vi: 'ngày `{value}` viết theo kiểu ngày/tháng/năm; bantin cần dạng năm-tháng-ngày giờ:phút',
    en: 'the date `{value}` is written day/month/year; bantin reads year-month-day hour:minute',
    hint: { vi: 'viết: {key}: {suggestion}', en: 'write: {key}: {suggestion}' },
  },
  'views-thousands-dot': {
    vi: '`views: {value}` có dấu chấm phân cách hàng nghìn; số lượt xem chỉ gồm chữ số',
    en: '`views: {value}` has a thousands separator; a view count is digits only',
    hint: { vi: 'viết: views: {suggestion}', en: 'write: views: {suggestion}' },
  },
};
