// Catalogue part: the web editor (`admin:` in bantin.yaml, /admin/ with Decap CMS, its local backend in serve).
import type { Entry } from './entry.js';

const ADMIN_EXAMPLE = {
  vi: 'viết `admin:` rồi các dòng thụt vào: `  backend: github`, `  repo: ubnd-songlam/cong-thong-tin`, `  branch: main`',
  en: 'write `admin:` then indented lines: `  backend: github`, `  repo: ubnd-songlam/cong-thong-tin`, `  branch: main`',
};

export const ADMIN_MESSAGES: Record<string, Entry> = {
  'config-admin-not-map': {
    vi: '`admin` phải gồm các dòng `khóa: giá trị` thụt vào bên dưới (nơi lưu kho Git của trang)',
    en: '`admin` must be a mapping of indented `key: value` lines (where the site\'s Git repository is)',
    hint: ADMIN_EXAMPLE,
  },
  'config-admin-backend': {
    vi: '`admin.backend` phải là `github`, `gitlab` hoặc `gitea`, không phải `{value}`',
    en: '`admin.backend` must be `github`, `gitlab` or `gitea`, not `{value}`',
    hint: { vi: 'ghi tên dịch vụ đang giữ kho Git của trang, ví dụ `  backend: github`', en: 'name the service that holds the site\'s Git repository, like `  backend: github`' },
  },
  'config-admin-repo': {
    vi: '`admin.repo` phải có dạng `chủ-sở-hữu/tên-kho`, không phải `{value}`',
    en: '`admin.repo` must be `owner/name`, not `{value}`',
    hint: { vi: 'chép phần sau tên máy chủ trong địa chỉ của kho, ví dụ `  repo: ubnd-songlam/cong-thong-tin`', en: 'copy the part after the host name in the repository\'s address, like `  repo: ubnd-songlam/cong-thong-tin`' },
  },
  'config-admin-repo-missing': {
    vi: '`admin` thiếu dòng `repo:` (kho Git mà trình soạn thảo web lưu bài vào)',
    en: '`admin` has no `repo:` (the Git repository the web editor saves articles to)',
    hint: ADMIN_EXAMPLE,
  },
  'config-admin-branch': {
    vi: '`admin.branch` phải là tên một nhánh Git, không phải `{value}`',
    en: '`admin.branch` must be the name of a Git branch, not `{value}`',
    hint: { vi: 'thường là `  branch: main`', en: 'usually `  branch: main`' },
  },
  'config-admin-url': {
    vi: '`admin.{key}` phải là một địa chỉ https://, không phải `{value}`',
    en: '`admin.{key}` must be an https:// address, not `{value}`',
    hint: { vi: 'ví dụ `  {key}: https://git.hagiangnam.gov.vn`', en: 'like `  {key}: https://git.hagiangnam.gov.vn`' },
  },
  'config-admin-text': {
    vi: '`admin.{key}` phải là một đoạn chữ',
    en: '`admin.{key}` must be a text',
    hint: { vi: 'ví dụ `  appId: 8d1c…` (mã ứng dụng OAuth do máy chủ Git cấp)', en: 'like `  appId: 8d1c…` (the OAuth application id the Git host gave you)' },
  },
  'config-admin-gitea-needs': {
    vi: '`backend: gitea` cần thêm `apiRoot:` và `appId:` (máy chủ Gitea và ứng dụng OAuth để đăng nhập)',
    en: '`backend: gitea` also needs `apiRoot:` and `appId:` (the Gitea server and the OAuth application editors sign in with)',
    hint: { vi: 'thêm `  apiRoot: https://git.hagiangnam.gov.vn/api/v1` và `  appId: <mã ứng dụng>`', en: 'add `  apiRoot: https://git.hagiangnam.gov.vn/api/v1` and `  appId: <application id>`' },
  },
  'config-admin-unknown-key': {
    vi: 'khóa `admin.{key}` không có trong cấu hình nên bị bỏ qua',
    en: 'unknown config key `admin.{key}` is ignored',
    hint: { vi: 'các khóa được dùng: backend, repo, branch, authUrl, apiRoot, appId', en: 'the keys read are backend, repo, branch, authUrl, apiRoot, appId' },
  },
  'admin-decap-missing': {
    vi: 'không tìm thấy các tệp của Decap CMS để dựng trình soạn thảo web /admin/',
    en: 'the Decap CMS files for the web editor /admin/ are missing',
    hint: { vi: 'cài lại bantin (npm install); nếu chạy từ mã nguồn, chạy `npm install` rồi `npm run compile`', en: 'reinstall bantin (npm install); from a source checkout, run `npm install` then `npm run compile`' },
  },
  'serve-admin-ready': {
    vi: 'bantin: trình soạn thảo web ở {url} (lưu thẳng vào thư mục này, không cần tài khoản)',
    en: 'bantin: web editor at {url} (saves straight into this folder, no account needed)',
  },
  'serve-admin-failed': {
    vi: 'bantin: không chạy được máy chủ lưu bài của trình soạn thảo web (decap-server): {reason}',
    en: 'bantin: the web editor\'s local saving server (decap-server) did not start: {reason}',
  },
};
