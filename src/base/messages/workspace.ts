// Catalogue part: what a workspace of many sites says: its bantin.yaml, `build --all`, `serve --all`
// and the province page that lists the sites.
import type { Entry } from './entry.js';

export const WORKSPACE_MESSAGES: Record<string, Entry> = {
  'ws-unknown-key': {
    vi: 'khóa `{key}` không dùng được ở bantin.yaml của nhóm trang nên bị bỏ qua',
    en: 'the key `{key}` is not a workspace key and is ignored',
    hint: { vi: 'cấu hình chung cho mọi trang đặt dưới `defaults:`; có phải ý bạn là `{guess}`?', en: 'settings shared by every site go under `defaults:`; did you mean `{guess}`?' },
  },
  'ws-bad-defaults': {
    vi: '`defaults:` phải là một nhóm dòng `khóa: giá trị`',
    en: '`defaults:` must be a mapping of `key: value` lines',
    hint: { vi: 'viết `defaults:` rồi các dòng thụt vào, như `  timezone: Asia/Ho_Chi_Minh`', en: 'write `defaults:` then indented lines like `  timezone: Asia/Ho_Chi_Minh`' },
  },
  'ws-bad-sites': {
    vi: '`sites:` phải là một mẫu thư mục như `sites/*` hoặc một danh sách thư mục',
    en: '`sites:` must be a folder pattern like `sites/*` or a list of folders',
    hint: { vi: 'viết `sites: sites/*`', en: 'write `sites: sites/*`' },
  },
  'ws-bad-pattern': {
    vi: 'mẫu thư mục `{pattern}` không dùng được: phải là đường dẫn bên trong nhóm trang, không có `..` hay `**`',
    en: 'the folder pattern `{pattern}` is not allowed: it must be a path inside the workspace, without `..` or `**`',
    hint: { vi: 'viết như `sites/*` hoặc `sites/xa-hoa-binh`', en: 'write it like `sites/*` or `sites/xa-hoa-binh`' },
  },
  'ws-no-site': {
    vi: '`{pattern}` không chỉ tới thư mục trang nào (thư mục có bantin.yaml hoặc content/)',
    en: '`{pattern}` names no site folder (a folder with a bantin.yaml or a content/ folder)',
    hint: { vi: 'kiểm tra đường dẫn, hoặc tạo trang bằng `bantin init`', en: 'check the path, or make the site with `bantin init`' },
  },
  'ws-bad-name': {
    vi: 'tên thư mục trang `{name}` ({path}) không dùng làm địa chỉ được',
    en: 'the site folder name `{name}` ({path}) cannot be used in an address',
    hint: { vi: 'đổi tên thư mục chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, như `xa-hoa-binh`', en: 'rename the folder to lower-case letters without accents, digits and hyphens, like `xa-hoa-binh`' },
  },
  'ws-same-name': {
    vi: 'hai thư mục trang cùng tên `{name}`: kết quả của chúng sẽ đè lên nhau',
    en: 'two site folders are both named `{name}`: their outputs would overwrite each other',
    hint: { vi: 'đổi tên một trong hai thư mục', en: 'rename one of the folders' },
  },
  'ws-bad-index': {
    vi: '`index:` phải là `true`, hoặc các dòng `title:` (tên trang chung) và `latest:` (số bài mới của mỗi trang, 1 đến 50)',
    en: '`index:` must be `true`, or `title:` (the page title) and `latest:` (newest articles per site, 1 to 50)',
    hint: { vi: 'viết `index:` rồi `  title: Cổng thông tin tỉnh Sông Lam` và `  latest: 5`', en: 'write `index:` then `  title: Cổng thông tin tỉnh Sông Lam` and `  latest: 5`' },
  },
  'ws-not-workspace': {
    vi: '--all cần một nhóm trang: {root} không có bantin.yaml với khóa `sites:`',
    en: '--all needs a workspace: {root} has no bantin.yaml with a `sites:` key',
    hint: { vi: 'chạy lệnh ở thư mục gốc của kho (nơi có `sites: sites/*`), hoặc bỏ --all để dựng một trang', en: 'run it at the root of the repository (where `sites: sites/*` is), or drop --all to build one site' },
  },
  'ws-is-workspace': {
    vi: '{root} là một nhóm {count} trang: dựng tất cả bằng `bantin build --all`, hoặc một trang bằng `--all --only TÊN`',
    en: '{root} is a workspace of {count} sites: build them all with `bantin build --all`, or one with `--all --only NAME`',
  },
  'ws-bad-shard': { vi: '--shard phải có dạng K/N với 1 ≤ K ≤ N, như 2/8 (nhận được `{value}`)', en: '--shard must be K/N with 1 ≤ K ≤ N, like 2/8 (got `{value}`)' },
  'ws-bad-jobs': { vi: '--jobs phải là một số nguyên từ 1 (nhận được `{value}`)', en: '--jobs must be a whole number from 1 (got `{value}`)' },
  'ws-no-base-url': {
    vi: '--base-url không dùng cùng --all: mỗi trang có địa chỉ riêng',
    en: '--base-url does not go with --all: each site has its own address',
    hint: { vi: 'đặt `baseUrl:` trong bantin.yaml của từng trang', en: 'set `baseUrl:` in each site\'s bantin.yaml' },
  },
  'ws-all-only': { vi: '{option} chỉ dùng cùng --all', en: '{option} goes with --all only' },
  'ws-unknown-site': {
    vi: '--only nêu trang `{name}`, nhưng nhóm trang không có trang nào tên như vậy',
    en: '--only names `{name}`, but the workspace has no site of that name',
    hint: { vi: 'các trang: {names}', en: 'the sites are: {names}' },
  },
  'ws-git-failed': {
    vi: '--changed-since: git không so sánh được với `{ref}` ({detail})',
    en: '--changed-since: git could not compare with `{ref}` ({detail})',
    hint: { vi: 'kiểm tra tên nhánh hoặc commit; trong CI hãy lấy đủ lịch sử (fetch-depth: 0)', en: 'check the branch or commit name; in CI fetch enough history (fetch-depth: 0)' },
  },
  'ws-site-crashed': {
    vi: 'việc dựng trang này dừng bất thường: {detail}',
    en: 'the build of this site stopped unexpectedly: {detail}',
    hint: { vi: 'dựng lại riêng trang này với --all --only {name} --verbose để xem chi tiết', en: 'build this site alone with --all --only {name} --verbose for details' },
  },
  'ws-index-foreign': {
    vi: 'không ghi trang chung {path}: tệp này không do bantin tạo',
    en: 'the province page {path} was not written: that file was not made by bantin',
    hint: { vi: 'xóa hoặc chuyển tệp đó đi, hoặc chọn thư mục --out khác', en: 'move that file away, or choose another --out folder' },
  },
  'ws-selected': { vi: 'bantin: dựng {count}/{total} trang thông tin vào {out} ({jobs} tiến trình){why}', en: 'bantin: building {count} of {total} sites into {out} ({jobs} processes){why}' },
  'ws-why-shard': { vi: ', phần {shard}', en: ', shard {shard}' },
  'ws-why-changed': { vi: ', thay đổi từ {ref}', en: ', changed since {ref}' },
  'ws-nothing': { vi: 'bantin: không có trang thông tin nào cần dựng', en: 'bantin: no site to build' },
  'ws-site-ok': { vi: '  ✓ {name}  {pages} trang  {ms} ms{warnings}', en: '  ✓ {name}  {pages} pages  {ms} ms{warnings}' },
  'ws-site-failed': { vi: '  ✗ {name}  LỖI ({errors} lỗi)  {ms} ms, kết quả cũ giữ nguyên', en: '  ✗ {name}  FAILED ({errors} error(s))  {ms} ms, previous output kept' },
  'ws-summary': { vi: 'bantin: {ok}/{count} trang thông tin dựng xong, {failed} lỗi, trong {ms} ms', en: 'bantin: {ok} of {count} sites built, {failed} failed, in {ms} ms' },
  'ws-index-written': { vi: 'bantin: trang chung {path} liệt kê {count} trang thông tin', en: 'bantin: the province page {path} lists {count} sites' },
  'ws-index-title': { vi: 'Các trang thông tin điện tử', en: 'The portals' },
  'ws-index-latest': { vi: 'Tin mới', en: 'Latest news' },
  'ws-index-none': { vi: 'Chưa có bài viết.', en: 'No articles yet.' },
  'ws-index-count': { vi: '{count} trang thông tin điện tử', en: '{count} sites' },
  'ws-serving': { vi: 'bantin: đang phục vụ {count} trang thông tin tại {url} (Ctrl+C để dừng)', en: 'bantin: serving {count} sites at {url} (Ctrl+C to stop)' },
  'ws-out-inside': {
    vi: 'thư mục kết quả {out} chính là thư mục chung của các trang, chứa thư mục đó, hoặc nằm trong templates/ chung hay trong thư mục của một trang',
    en: 'the output folder {out} is the workspace, contains it, or lies inside its templates/ or a site folder',
    hint: { vi: 'dùng --out dist (mặc định) hoặc một thư mục khác', en: 'use --out dist (the default) or another folder' },
  },
};
