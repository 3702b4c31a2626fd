// Catalogue part: the URL policy's verdicts (a refused scheme, a control character, an address that
// leads to another site) and what to write instead; callers put them after the field they name.
import type { Entry } from './entry.js';

const LINK_HINT = {
  vi: 'ghi một địa chỉ https://, một liên kết mailto: hoặc tel:, hoặc một đường dẫn trong trang như `gioi-thieu/`',
  en: 'write an https:// address, a mailto: or tel: link, or a path on the site like `gioi-thieu/`',
};
const IMAGE_HINT = {
  vi: 'ghi đường dẫn tới một ảnh trong content/ (như `files/anh.jpg`) hoặc một địa chỉ https://',
  en: 'write a path to a picture in content/ (like `files/anh.jpg`) or an https:// address',
};
const RETYPE = { vi: 'gõ lại địa chỉ bằng tay; ', en: 'type the address again by hand; ' };

/** Verdicts read after the field's name ("`image` is empty"); hints on their own. */
export const URL_MESSAGES: Record<string, Entry> = {
  'url-empty': { vi: 'đang để trống', en: 'is empty' },
  'url-control-character': {
    vi: 'có một ký tự điều khiển (ký tự vô hình, không phải chữ), thường do chép từ nơi khác sang',
    en: 'contains a control character (an invisible character that is not text)',
  },
  'url-scheme': {
    vi: 'không được là địa chỉ dạng {scheme}: (chỉ được dùng {allowed} và đường dẫn trong trang)',
    en: 'may not be a {scheme}: URL (only {allowed} and paths on the site are allowed)',
  },
  'url-other-site': {
    vi: 'bắt đầu bằng `//` hoặc dấu gạch chéo ngược, nên trình duyệt hiểu là một trang web khác',
    en: 'starts with `//` or a backslash, which browsers read as another web site',
  },
  'url-hint-link': LINK_HINT,
  'url-hint-image': IMAGE_HINT,
  'url-hint-retype-link': { vi: RETYPE.vi + LINK_HINT.vi, en: RETYPE.en + LINK_HINT.en },
  'url-hint-retype-image': { vi: RETYPE.vi + IMAGE_HINT.vi, en: RETYPE.en + IMAGE_HINT.en },
};
