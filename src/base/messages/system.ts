// Catalogue part: errors of the machine rather than of the site (disk full, no permission, port taken).
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
};
