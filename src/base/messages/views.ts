// Catalogue part: `bantin views`, read by whoever runs it on the web server (often the province's IT staff).
import type { Entry } from './entry.js';

const FROM_GIT = {
  vi: 'lấy lại tệp đó từ Git, hoặc xóa nó để đếm lại từ đầu nhật ký',
  en: 'restore it from Git, or delete it to count from the start of the logs',
};

export const VIEWS_MESSAGES: Record<string, Entry> = {
  'views-no-logs': {
    vi: 'bantin views cần các tệp nhật ký truy cập để đọc: bantin views /var/log/nginx/access.log*',
    en: 'bantin views needs the access logs to read: bantin views /var/log/nginx/access.log*',
  },
  'views-bad-format': {
    vi: '--format phải là một trong {formats}, không phải "{format}"',
    en: '--format must be one of {formats}, not "{format}"',
  },
  'views-not-site': {
    vi: 'đây không phải thư mục trang bantin (không có bantin.yaml, không có content/)',
    en: 'not a bantin site (no bantin.yaml, no content/)',
    hint: { vi: 'chạy bantin views trong thư mục trang, hoặc chỉ ra thư mục đó bằng --root', en: "run bantin views in the site's folder, or give it with --root" },
  },
  'views-no-file': {
    vi: 'không có tệp này',
    en: 'no such file',
    hint: { vi: 'ghi đường dẫn của các tệp nhật ký truy cập, ví dụ /var/log/nginx/access.log*', en: "give the access logs' paths, e.g. /var/log/nginx/access.log*" },
  },
  'views-bad-ip': {
    vi: '--exclude-ip {cidr} không phải một địa chỉ hay một dải địa chỉ; ghi như 10.0.0.0/8, 203.0.113.7 hoặc 2001:db8::/32',
    en: '--exclude-ip {cidr} is not an address or an address range; write it like 10.0.0.0/8, 203.0.113.7 or 2001:db8::/32',
  },
  'views-not-goaccess': {
    vi: '{file}: không phải báo cáo JSON của GoAccess ({detail}); tạo báo cáo bằng `goaccess access.log -o report.json`',
    en: '{file}: is not a GoAccess JSON report ({detail}); make one with `goaccess access.log -o report.json`',
  },
  'views-no-requests': {
    vi: '{file}: không có mục "requests"; tạo báo cáo bằng `goaccess access.log -o report.json` và giữ mục REQUESTS',
    en: '{file}: has no "requests" panel; make the report with `goaccess access.log -o report.json` and keep the REQUESTS panel on',
  },
  'views-state-unreadable': {
    vi: `{file}: không đọc được ({detail}); ${FROM_GIT.vi}`,
    en: `{file}: cannot be read ({detail}); ${FROM_GIT.en}`,
  },
  'views-state-bad': {
    vi: `{file}: không phải tệp lượt xem ("total" và "pages" phải là số nguyên); ${FROM_GIT.vi}`,
    en: `{file}: is not a views file ("total" and "pages" must be whole numbers); ${FROM_GIT.en}`,
  },
  'views-failed': { vi: 'bantin: views: {detail}', en: 'bantin: views: {detail}' },
  'views-file-read': { vi: '{lines} dòng mới, {views} lượt xem', en: '{lines} new lines, {views} views' },
  'views-file-imported': { vi: 'đã nhập, {views} lượt xem bài', en: 'imported, {views} article views' },
  'views-file-empty': { vi: 'trống', en: 'empty' },
  'views-note': { vi: 'ghi chú', en: 'note' },
  'views-skipped': {
    vi: 'không đếm: {bots} của máy tìm kiếm/bot, {excluded} từ địa chỉ bị loại trừ, {repeats} lần xem lại trong 30 phút, {notPages} không phải lần mở trang thành công, {malformed} dòng sai dạng{first}',
    en: 'not counted: {bots} by bots, {excluded} from excluded addresses, {repeats} repeats within 30 minutes, {notPages} not a successful page GET, {malformed} malformed lines{first}',
  },
  'views-skipped-first': { vi: ' (dòng đầu tiên: {lines})', en: ' (first: {lines})' },
  'views-summary': {
    vi: 'bantin: đã đếm {articleViews} lượt xem bài ({pageViews} lượt xem trang tất cả); {file} giờ có {total} lượt xem trang, {articles} bài',
    en: 'bantin: counted {articleViews} article views ({pageViews} page views in all); {file} now has {total} page views, {articles} articles',
  },
};
