// What `bantin init` asks for: each answer's flag, its Vietnamese question, its default, and the
// check a typed or given value must pass.

export interface Answers {
  title: string;
  unit: string;
  address: string;
  phone: string;
  email: string;
  responsible: string;
  baseUrl: string;
  categories: string[];
}

export type AnswerKey = keyof Answers;

export interface Question {
  key: AnswerKey;
  /** The command-line option that gives this answer without asking. */
  flag: string;
  /** Asked on a terminal, in Vietnamese. */
  ask: string;
  /** The default, worked out from the answers given so far. */
  fallback: (so: Partial<Answers>) => string;
  /** Null when the text is fine, else what is wrong (shown before asking again). */
  check?: (text: string) => string | null;
}

export const DEFAULT_BASE_URL = 'http://localhost:8080/';
const DEFAULT_CATEGORIES = 'Tin tức, Thông báo, Văn bản chỉ đạo điều hành';

/** "Cổng thông tin điện tử xã An Hòa" → "Ủy ban nhân dân xã An Hòa": the usual issuing unit. */
function unitFromTitle(title = ''): string {
  const m = /\b(xã|phường|đặc khu|thị trấn|huyện|quận|thị xã|thành phố|tỉnh)\s+\S.*$/iu.exec(title);
  return m ? `Ủy ban nhân dân ${m[0].trim()}` : '';
}

export const QUESTIONS: Question[] = [
  { key: 'title', flag: 'title', ask: 'Tên cổng thông tin', fallback: () => 'Cổng thông tin điện tử', check: (t) => (t.trim() ? null : 'tên không được để trống') },
  { key: 'unit', flag: 'unit', ask: 'Cơ quan chủ quản (hiện phía trên tên cổng)', fallback: (so) => unitFromTitle(so.title) },
  { key: 'address', flag: 'address', ask: 'Địa chỉ trụ sở', fallback: () => '' },
  { key: 'phone', flag: 'phone', ask: 'Số điện thoại', fallback: () => '' },
  { key: 'email', flag: 'email', ask: 'Thư điện tử', fallback: () => '', check: (t) => (!t.trim() || /^[^\s@]+@[^\s@]+$/.test(t.trim()) ? null : 'địa chỉ thư phải có dạng ten@xa.gov.vn') },
  { key: 'responsible', flag: 'responsible', ask: 'Người chịu trách nhiệm nội dung', fallback: () => '' },
  { key: 'baseUrl', flag: 'base-url', ask: 'Địa chỉ trang web khi xuất bản (URL)', fallback: () => DEFAULT_BASE_URL, check: checkBaseUrl },
  { key: 'categories', flag: 'categories', ask: 'Các chuyên mục, cách nhau bằng dấu phẩy', fallback: () => DEFAULT_CATEGORIES, check: (t) => (splitList(t).length ? null : 'cần ít nhất một chuyên mục') },
];

export function checkBaseUrl(text: string): string | null {
  try {
    const url = new URL(text.trim());
    if (url.protocol === 'http:' || url.protocol === 'https:') return null;
  } catch { /* falls through to the message */ }
  return 'địa chỉ phải bắt đầu bằng https:// (hoặc http://), ví dụ https://anhoa.gov.vn/';
}

export function splitList(text: string): string[] {
  return [...new Set(text.split(',').map((s) => s.trim()).filter(Boolean))];
}

/** Stores one answer's text under its key, normalised (URLs end in `/`, lists split). */
export function setAnswer(so: Partial<Answers>, key: AnswerKey, text: string): void {
  if (key === 'categories') so.categories = splitList(text);
  else if (key === 'baseUrl') {
    const url = new URL(text.trim());
    if (!url.pathname.endsWith('/')) url.pathname += '/';
    url.search = url.hash = '';
    so.baseUrl = url.href;
  } else so[key] = text.trim();
}
