// What a build reads of data/views.json (written by `bantin views`, src/tools/views/): the counted
// views per article and the site's total. Of the model stage: tools import it, never the reverse.

export const VIEWS_FILE = 'data/views.json';

const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const counts = (v: unknown) => isObject(v) && Object.values(v).every(isCount);

/** The counts a build adds to the front matter's `views` and the configured `visits`, or null without a usable file. */
export function countedViews(data: Record<string, unknown>): { total: number; pages: Record<string, number> } | null {
  const v = data.views;
  if (!isObject(v) || !isCount(v.total) || !counts(v.pages)) return null;
  return { total: v.total, pages: v.pages as Record<string, number> };
}
