// Where in an article's file a link or image was written, so warnings about it carry a line and
// column: read from the file again only when there is something to report.
import { readFileSync } from 'node:fs';

export type Locator = (written: string, field?: string) => { line?: number; column?: number; excerpt?: string };

/** Finds text as written in the file: a front-matter `field:` line first, else `](text` / `<text>` / the text. */
export function locator(absPath: string): Locator {
  let lines: string[] | null = null;
  return (written, field) => {
    try {
      lines ??= readFileSync(absPath, 'utf8').replace(/\r\n?/g, '\n').split('\n');
    } catch {
      return {};
    }
    const patterns = [...(field ? [`${field}:`] : []), `](${written}`, `(${written}`, `<${written}>`, written];
    for (const pattern of patterns) {
      const i = lines.findIndex((l) => l.includes(pattern) && (!field || pattern !== `${field}:` || l.includes(written)));
      if (i >= 0) {
        const at = lines[i].indexOf(written, pattern === `${field}:` ? 0 : lines[i].indexOf(pattern));
        return { line: i + 1, column: at >= 0 ? at + 1 : undefined, excerpt: lines[i] };
      }
    }
    return {};
  };
}
