// Catalogue part: errors of the machine rather than of the site (disk full, no permission, port taken),
// and output folders bantin must not use.
import type { Entry } from './entry.js';

const FOLDER_IS_FILE: Entry = {
  vi: 'một đường dẫn cần là thư mục lại đang là tệp ({errno})', en: 'a path that should be a folder is a file ({errno})',
  hint: { vi: 'chọn thư mục khác cho --out, hoặc chuyển tệp đang nằm ở đó đi chỗ khác', en: 'choose another --out folder, or remove the file in its way' },
};
const NO_PERMISSION: Entry = {
  vi: 'không có quyền ghi vào đây ({errno})', en: 'no permission to write here ({errno})',
  hint: { vi: 'chọn thư mục khác cho --out, hoặc nhờ người quản trị máy cấp quyền ghi', en: 'choose another --out folder or fix its permissions' },
};
const DISK_FULL_HINT = { vi: 'giải phóng bớt dung lượng rồi dựng lại; thư mục kết quả chưa bị thay đổi', en: 'free some space and build again; the output folder was not changed' };

/** By Node's error code (`err.code`): the message for that code, `system-` and the code in lower case. */
export const SYSTEM_MESSAGES: Record<string, Entry> = {
  'system-eacces': NO_PERMISSION,
  'system-eperm': NO_PERMISSION,
  'system-erofs': { vi: 'ổ đĩa chỉ cho đọc, không ghi được ({errno})', en: 'the disk is read-only ({errno})', hint: { vi: 'chọn thư mục --out trên một ổ đĩa ghi được', en: 'choose an --out folder on a writable disk' } },
  'system-enospc': { vi: 'ổ đĩa đã đầy ({errno})', en: 'the disk is full ({errno})', hint: DISK_FULL_HINT },
  'system-edquot': { vi: 'đã dùng hết dung lượng được cấp trên ổ đĩa ({errno})', en: 'the disk quota is used up ({errno})', hint: DISK_FULL_HINT },
  'system-eaddrinuse': { vi: 'cổng này đang có chương trình khác dùng ({errno})', en: 'the port is already in use ({errno})', hint: { vi: 'chọn cổng khác bằng --port, ví dụ --port 8081', en: 'choose another with --port' } },
  'system-enotdir': FOLDER_IS_FILE,
  'system-eexist': FOLDER_IS_FILE,
  'system-eisdir': { vi: 'một đường dẫn cần là tệp lại đang là thư mục ({errno})', en: 'a path that should be a file is a folder ({errno})', hint: { vi: 'đổi tên hoặc xóa thư mục đó', en: 'rename or remove that folder' } },
  'system-emfile': { vi: 'mở quá nhiều tệp cùng lúc ({errno})', en: 'too many open files ({errno})', hint: { vi: 'tăng giới hạn (ulimit -n) rồi chạy lại', en: 'raise the limit (ulimit -n) and try again' } },
  'out-is-file': {
    vi: 'không đặt được thư mục kết quả ở đây: đường dẫn này là một tệp, không phải thư mục', en: 'the output folder cannot go here: this path is a file, not a folder',
    hint: { vi: 'chọn thư mục khác cho --out, hoặc chuyển tệp đó đi chỗ khác', en: 'choose another --out folder, or move that file away' },
  },
  'out-contains-site': {
    vi: 'thư mục kết quả {out} chính là thư mục trang hoặc chứa thư mục trang', en: 'the output folder {out} is the site folder or contains it',
    hint: { vi: 'dùng --out dist (mặc định) hoặc một thư mục khác', en: 'use --out dist (the default) or another folder' },
  },
  'out-inside-sources': {
    vi: 'thư mục kết quả {out} nằm trong thư mục nguồn của trang hoặc bộ nhớ đệm', en: 'the output folder {out} is inside the site\'s sources or its build cache',
    hint: { vi: 'dùng --out dist (mặc định)', en: 'use --out dist (the default)' },
  },
  'out-inside-sources-link': {
    vi: 'thư mục kết quả {out} nằm trong thư mục nguồn của trang hoặc bộ nhớ đệm (nó dẫn tới {target})', en: 'the output folder {out} is inside the site\'s sources or its build cache (it leads to {target})',
    hint: { vi: 'dùng --out dist (mặc định)', en: 'use --out dist (the default)' },
  },
  'out-foreign': {
    vi: 'thư mục kết quả {out} có những tệp không do bantin tạo (không có tệp {marker}), nên bantin không thay nó',
    en: 'the output folder {out} holds files that bantin did not make (it has no {marker} file), so bantin will not replace it',
    hint: { vi: 'chọn một thư mục trống hoặc mới cho --out; nếu thư mục này do bản bantin cũ tạo, hãy xóa nó một lần rồi dựng lại', en: 'choose an empty or new folder for --out; if an older bantin made this one, delete it once and build again' },
  },
};
