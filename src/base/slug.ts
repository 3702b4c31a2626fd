// URL slugs, folded the Vietnamese way.
import { foldVietnamese } from './fold.js';

/**
 * URL slug folded the Vietnamese way: `Đất đai` → `dat-dai`. Only `a-z`, `0-9` and single
 * hyphens survive, so a slug can never climb out of its folder.
 */
export function slugify(text: string): string {
  return foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
