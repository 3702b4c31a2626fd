// Catalogue part: what the `bantin` command itself says: help, usage errors, progress and summary lines.
import type { Entry } from './entry.js';

const USAGE_EN = `Usage: bantin <command> [options]

Commands:
  init     Start a new portal: a site repository in an empty folder (asks in Vietnamese on a terminal)
             bantin init [DIR] [--title T] [--unit U] [--base-url URL] [--yes]
             --address A  --phone P  --email E  --responsible NAME  --categories "Tin tức, Thông báo"
             --bantin SPEC    what the site's package.json installs (default: this bantin)
             --yes            ask nothing: defaults for whatever no option gives
  build    Build the site into the output folder
             --root DIR       site folder (default: current folder)
             --out DIR        output folder (default: ROOT/dist)
             --base-url URL   absolute URL the site is published at (overrides bantin.yaml baseUrl)
             --drafts         also publish drafts and articles dated in the future
             --strict         broken links and images are errors, not warnings
             --no-cache       ignore ROOT/.bantin/ and build everything afresh
             --json           print a machine-readable report instead of text
             --verbose        per-stage timings, and stack traces of internal errors
           In a workspace (a bantin.yaml with "sites:", see docs/workspace.md):
             --all            build every site into OUT/<site>/ (default OUT: ROOT/dist)
             --only a,b       only these sites     --shard K/N   only shard K of N (CI matrix)
             --changed-since REF   only sites changed since a Git commit   --jobs N   processes
             --list           print the sites chosen and build nothing   --index-only   the / page
  serve    Preview the site with live reload while you edit
             --root DIR  --port 8080  --host 127.0.0.1  --base-url URL  --drafts  --open  --all
  new      Create an article as a draft (draft: true) with a template to write over:
             bantin new "Tiêu đề bài viết" [--category "Thông báo"] [--author "..."]
             the author is --author, else defaultAuthor in bantin.yaml
  check    Check all content and config without building; exit code 1 on errors
             --root DIR  --json
             --draft-age DAYS  warn about drafts dated more than DAYS days ago (default 30)
             --strict          every warning is an error (exit code 1)
  views    Count article views from the web server's access logs into data/views.json
             bantin views /var/log/nginx/access.log* [--root DIR] [--exclude-ip CIDR ...]
             --base-url URL   the URL the site is served at, if built with --base-url
             --format F       combined, common, goaccess-json or csv (default: from each file)
             --exclude-ip R   addresses not counted, e.g. 10.0.0.0/8 (may be repeated)
             --json           print a machine-readable report
  import   Bring an old portal's articles in: bantin import SOURCE... (files, folders, http(s) URLs)
             --root DIR  --from auto|text|html|rss|wxr|sharepoint  --category NAME
             --selector CSS  --old-base URL  --encoding utf-8|windows-1258|tcvn3|vni
             --dry-run  --overwrite  --json  --verbose
  help     Show this help
  version  Show the version

Every command takes --lang vi|en (or BANTIN_LANG): the language of messages; by default
Vietnamese when the site's locale is vi.
`;

const USAGE_VI = `Cách dùng: bantin <lệnh> [tùy chọn]

Các lệnh:
  init     Tạo cổng thông tin mới: một kho trang trong thư mục trống (hỏi bằng tiếng Việt khi chạy ở cửa sổ lệnh)
             bantin init [DIR] [--title T] [--unit U] [--base-url URL] [--yes]
             --address A  --phone P  --email E  --responsible TÊN  --categories "Tin tức, Thông báo"
             --bantin SPEC    bản bantin mà package.json của trang sẽ cài (mặc định: bản đang chạy)
             --yes            không hỏi gì: lấy giá trị mặc định cho những gì không ghi trong lệnh
  build    Dựng trang vào thư mục kết quả
             --root DIR       thư mục của trang (mặc định: thư mục hiện tại)
             --out DIR        thư mục kết quả (mặc định: ROOT/dist)
             --base-url URL   địa chỉ đầy đủ nơi trang được đăng (thay baseUrl trong bantin.yaml)
             --drafts         đăng cả bài nháp và bài hẹn giờ đăng sau
             --strict         liên kết và ảnh hỏng là lỗi, không chỉ là cảnh báo
             --no-cache       bỏ qua ROOT/.bantin/ và dựng lại toàn bộ
             --json           in báo cáo cho máy đọc thay vì văn bản
             --verbose        thời gian từng bước, và chi tiết lỗi bên trong
           Trong một nhóm trang (bantin.yaml có "sites:", xem docs/workspace.md):
             --all            dựng mọi trang vào OUT/<trang>/ (mặc định OUT: ROOT/dist)
             --only a,b       chỉ các trang này     --shard K/N   chỉ phần K trong N (ma trận CI)
             --changed-since REF   chỉ trang có thay đổi từ một commit   --jobs N   số tiến trình
             --list           in các trang được chọn, không dựng   --index-only   trang chung /
  serve    Xem trước trang, tự tải lại khi bạn sửa bài
             --root DIR  --port 8080  --host 127.0.0.1  --base-url URL  --drafts  --open  --all
  new      Tạo bài viết mới dạng bản nháp (draft: true), có sẵn phần mẫu để viết đè lên:
             bantin new "Tiêu đề bài viết" [--category "Thông báo"] [--author "..."]
             tác giả lấy từ --author, nếu không có thì từ defaultAuthor trong bantin.yaml
  check    Kiểm tra mọi bài viết và cấu hình mà không dựng trang; mã thoát 1 khi có lỗi
             --root DIR  --json
             --draft-age NGÀY  cảnh báo bản nháp có ngày ghi trong bài cũ hơn số ngày này (mặc định 30)
             --strict          coi mọi cảnh báo là lỗi (mã thoát 1)
  views    Đếm lượt xem bài từ nhật ký truy cập của máy chủ web vào data/views.json
             bantin views /var/log/nginx/access.log* [--root DIR] [--exclude-ip CIDR ...]
             --base-url URL   địa chỉ trang, nếu đã dựng với --base-url
             --format F       combined, common, goaccess-json hoặc csv (mặc định: theo từng tệp)
             --exclude-ip R   địa chỉ không đếm, ví dụ 10.0.0.0/8 (có thể lặp lại)
             --json           in báo cáo cho máy đọc
  import   Nhập bài viết từ cổng thông tin cũ: bantin import NGUỒN... (tệp, thư mục, địa chỉ http(s))
             --root DIR  --from auto|text|html|rss|wxr|sharepoint  --category TÊN
             --selector CSS  --old-base URL  --encoding utf-8|windows-1258|tcvn3|vni
             --dry-run  --overwrite  --json  --verbose
  help     Hiện hướng dẫn này
  version  Hiện phiên bản

Mọi lệnh nhận --lang vi|en (hoặc biến BANTIN_LANG): ngôn ngữ của thông báo; mặc định là
tiếng Việt khi locale của trang là vi.
`;

export const CLI_MESSAGES: Record<string, Entry> = {
  'cli-usage': { vi: USAGE_VI, en: USAGE_EN },
  'cli-unknown-command': { vi: 'không có lệnh "{command}"', en: 'unknown command "{command}"' },
  'cli-bad-option': { vi: 'tùy chọn không đúng: {detail}', en: '{detail}' },
  'cli-bad-lang': { vi: '--lang phải là vi hoặc en, không phải {value}', en: '--lang must be vi or en, not {value}' },
  'cli-bad-port': { vi: '--port phải là một số cổng (0–65535), không phải {value}', en: '--port must be a port number, not {value}' },
  'cli-new-title': { vi: 'bantin new cần tiêu đề, đặt trong ngoặc kép: bantin new "Tiêu đề bài viết"', en: 'bantin new takes the title, in quotes: bantin new "Tiêu đề bài viết"' },
  'cli-created': { vi: 'bantin: đã tạo {path}', en: 'bantin: created {path}' },
  'cli-built': { vi: 'bantin: đã dựng {pages} trang ({how}) vào {out} trong {ms} ms{warnings}', en: 'bantin: built {pages} pages ({how}) into {out} in {ms} ms{warnings}' },
  'cli-built-nothing': { vi: 'không có gì thay đổi', en: 'nothing changed' },
  'cli-built-files': { vi: 'ghi {written} tệp{unchanged}', en: '{written} files written{unchanged}' },
  'cli-built-unchanged': { vi: ', {count} tệp giữ nguyên', en: ', {count} unchanged' },
  'cli-built-warnings': { vi: ', {count} cảnh báo', en: ', {count} warning(s)' },
  'cli-build-failed': { vi: 'bantin: dựng trang thất bại với {count} lỗi; thư mục kết quả không bị thay đổi', en: 'bantin: build failed with {count} error(s); the output folder was not changed' },
  'cli-check-summary': { vi: 'bantin: {errors} lỗi, {warnings} cảnh báo', en: 'bantin: {errors} error(s), {warnings} warning(s)' },
  'cli-serving': { vi: 'bantin: đang phục vụ {url} (Ctrl+C để dừng)', en: 'bantin: serving {url} (Ctrl+C to stop)' },
  'cli-serve-public': {
    vi: 'bantin: cảnh báo: phục vụ trên {host} làm bản xem trước (kể cả bài nháp, với --drafts) hiện ra cho các máy khác trong mạng',
    en: 'bantin: warning: serving on {host} makes the preview (drafts included, with --drafts) visible to other machines on the network',
  },
  'cli-failed': { vi: 'bantin: lệnh {command} thất bại', en: 'bantin: {command} failed' },
  'cli-failed-detail': { vi: 'bantin: lệnh {command} thất bại: {detail}', en: 'bantin: {command} failed: {detail}' },
  'cli-verbose-hint': { vi: '  (chạy lại với --verbose để xem chi tiết)', en: '  (run again with --verbose for details)' },
};
