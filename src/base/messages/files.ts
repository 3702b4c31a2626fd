// Catalogue part: files and folders of the site that cannot be read as they are: links that lead
// nowhere or outside, names a URL cannot hold, data files in the wrong encoding or syntax.
import type { Entry } from './entry.js';

const DATA_HINT = { vi: 'data/ chứa các tệp .yaml, .yml và .json; chép tệp vào đây hoặc đổi tên thư mục', en: 'data/ holds .yaml, .yml and .json files; copy the file here or rename the folder' };

export const FILE_MESSAGES: Record<string, Entry> = {
  'link-loop': {
    vi: 'liên kết tượng trưng (symlink) này tạo thành vòng lặp: nó trỏ tới thư mục chứa chính nó', en: 'this symbolic link makes a loop: it points to a folder that contains it',
    hint: { vi: 'xóa liên kết này', en: 'remove the link' },
  },
  'folder-unreadable': {
    vi: 'không đọc được thư mục này ({errno})', en: 'cannot read this folder ({errno})',
    hint: { vi: 'kiểm tra thư mục có tồn tại và bạn có quyền đọc nó', en: 'check that it exists and that you may read it' },
  },
  'name-backslash': {
    vi: 'tên tệp có dấu gạch chéo ngược (\\), không dùng được trong địa chỉ trang', en: 'the file name contains a backslash (\\), which cannot be part of a URL',
    hint: { vi: 'đổi tên tệp, chỉ dùng chữ cái, chữ số và dấu `-`', en: 'rename it using letters, digits and `-`' },
  },
  'link-dangling': {
    vi: 'liên kết tượng trưng (symlink) này không trỏ tới tệp nào', en: 'this symbolic link points to nothing',
    hint: { vi: 'xóa liên kết, hoặc đặt lại tệp mà nó trỏ tới', en: 'remove the link or restore its target' },
  },
  'link-outside': {
    vi: 'liên kết tượng trưng (symlink) này trỏ ra ngoài thư mục trang', en: 'this symbolic link points outside the site folder',
    hint: { vi: 'chép tệp vào {folder}/ thay vì tạo liên kết tới nó', en: 'copy the file into {folder}/ instead of linking to it' },
  },
  'link-into-output': {
    vi: 'liên kết tượng trưng (symlink) này dẫn vào thư mục kết quả, nơi bantin ghi khi dựng trang', en: 'this symbolic link leads into the output folder, which the build writes',
    hint: { vi: 'xóa liên kết này', en: 'remove the link' },
  },
  'link-into-cache': {
    vi: 'liên kết tượng trưng (symlink) này dẫn vào bộ nhớ đệm, nơi bantin ghi khi dựng trang', en: 'this symbolic link leads into the build cache, which the build writes',
    hint: { vi: 'xóa liên kết này', en: 'remove the link' },
  },
  'data-link-dangling': { vi: 'liên kết tượng trưng (symlink) này không trỏ tới tệp nào', en: 'this symbolic link points to nothing', hint: DATA_HINT },
  'data-link-outside': { vi: 'liên kết tượng trưng (symlink) này trỏ ra ngoài thư mục trang', en: 'this symbolic link points outside the site folder', hint: DATA_HINT },
  'data-is-folder': { vi: 'đây là một thư mục, không phải tệp dữ liệu', en: 'this is a folder, not a data file', hint: DATA_HINT },
  'data-binary': {
    vi: 'tệp có ký tự NUL: có vẻ đây là tệp nhị phân, không phải văn bản', en: 'the file contains a NUL byte: it looks like a binary file, not text',
    hint: { vi: 'lưu lại thành văn bản thường, bảng mã UTF-8', en: 'save it again as plain UTF-8 text' },
  },
  'data-encoding': {
    vi: 'tệp không phải văn bản UTF-8', en: 'the file is not valid UTF-8 text',
    hint: { vi: 'lưu lại thành văn bản thường, bảng mã UTF-8', en: 'save it again as plain UTF-8 text' },
  },
  'data-aliases': {
    vi: 'tệp dữ liệu quá lớn khi mở rộng các tham chiếu YAML (`*tên`)', en: 'the data file is far too large once its YAML aliases (`*name`) are expanded',
    hint: { vi: 'viết thẳng các giá trị ra, không dùng `&tên` / `*tên`', en: 'write the values out instead of repeating `&anchor` / `*alias` references' },
  },
  'data-json': {
    vi: 'không đọc được tệp dữ liệu này (chi tiết: {reason})', en: 'cannot read this data file: {reason}',
    hint: { vi: 'kiểm tra cú pháp: JSON cần ngoặc kép quanh tên và chữ, và không có dấu phẩy sau mục cuối cùng', en: 'check its syntax: JSON wants double quotes around names and texts, and no comma after the last item' },
  },
  'data-yaml': {
    vi: 'không đọc được tệp dữ liệu này (chi tiết: {reason})', en: 'cannot read this data file: {reason}',
    hint: { vi: 'kiểm tra cú pháp; YAML thụt đầu dòng bằng dấu cách, không dùng Tab', en: 'check its syntax; YAML uses spaces, not tabs, for indentation' },
  },
  'site-folder-missing': {
    vi: 'không có thư mục trang {root}', en: 'the site folder {root} does not exist',
    hint: { vi: 'kiểm tra đường dẫn sau --root, hoặc tạo trang mới bằng `bantin init`', en: 'check the path after --root, or make a new site with `bantin init`' },
  },
  'link-to-special': {
    vi: 'liên kết tượng trưng (symlink) này trỏ tới {kindVi}, không phải một tệp', en: 'this symbolic link points to {kindEn}, not a file',
    hint: { vi: 'xóa liên kết này: bantin chỉ đọc tệp thường (đường ống hay thiết bị sẽ làm lần dựng trang chờ mãi)', en: 'remove the link: bantin reads only regular files (a pipe or device would make the build wait for ever)' },
  },
  'link-to-folder': {
    vi: 'đây là liên kết tượng trưng (symlink) tới một thư mục; trong {folder}/ bantin không đi theo loại liên kết này', en: 'this is a symbolic link to a folder; bantin does not follow those in {folder}/',
    hint: { vi: 'thay liên kết bằng một bản sao của thư mục (hoặc liên kết cả thư mục {folder}/)', en: 'replace the link with a copy of the folder (or link the whole {folder}/ folder instead)' },
  },
  'special-file': {
    vi: 'đây là {kindVi}, không phải một tệp', en: 'this is {kindEn}, not a file',
    hint: { vi: 'xóa nó đi: bantin chỉ đọc tệp thường (đường ống hay thiết bị sẽ làm lần dựng trang chờ mãi)', en: 'remove it: bantin reads only regular files (a pipe or device would make the build wait for ever)' },
  },
};

/** The kinds of file bantin will not read (read-file.ts's specialKind, in English), as the Vietnamese say them. */
const SPECIAL_KINDS_VI: Record<string, string> = {
  'a named pipe (FIFO)': 'một đường ống có tên (FIFO)', 'a socket': 'một socket (cổng giao tiếp giữa các chương trình)',
  'a device': 'một thiết bị', 'not a regular file': 'một thứ không phải tệp thường',
};

/** `{kindVi}` / `{kindEn}` parameters for a special file's kind. */
export function kindParams(kind: string): { kindVi: string; kindEn: string } {
  return { kindVi: SPECIAL_KINDS_VI[kind] ?? kind, kindEn: kind };
}
