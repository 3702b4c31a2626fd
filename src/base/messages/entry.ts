// The shape of one catalogue message, shared by the catalogue's parts.

/** One message: its text in each language, and how to fix it when it is a problem. */
export interface Entry {
  vi: string;
  en: string;
  hint?: { vi: string; en: string };
}
