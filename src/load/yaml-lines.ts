// Reading parsed YAML safely and pointing into its text: the size a value expands to, and the line of
// a key or of a list entry, for messages.

/**
 * True when a parsed YAML value holds more than `limit` values once aliases are expanded: a few
 * lines of `&a` / `*a` can stand for billions of values, which hang or crash whatever walks them.
 */
export function tooLarge(value: unknown, limit = 100_000): boolean {
  const stack = [value];
  let count = 0;
  while (stack.length) {
    const v = stack.pop();
    if (++count + stack.length > limit) return true;
    if (v && typeof v === 'object') for (const child of Object.values(v)) stack.push(child);
  }
  return false;
}

/**
 * Line of the `index`th entry of the list under a top-level `key` (or of its `field:`), block or
 * flow style, for messages; the key's own line when it cannot be told.
 */
export function entryLine(source: string, key: string, index: number, field?: string): number | undefined {
  const start = keyLine(source, key);
  if (start === undefined) return undefined;
  const lines = source.split('\n');
  let end = start;
  while (end < lines.length && (end === start || /^(\s|-|$|#)/.test(lines[end]))) end++;
  const marks: number[] = [];
  for (let i = start - 1; i < end; i++) {
    const text = i === start - 1 ? lines[i].slice(lines[i].indexOf(':') + 1) : lines[i];
    const re = field ? new RegExp(`(^|[\\s{,])["']?${field}["']?\\s*:`, 'g') : /^\s*-(\s|$)|[[,]\s*[^\s\],]/g;
    for (const _ of text.matchAll(re)) marks.push(i + 1);
  }
  return marks[index] ?? start;
}

/** Line of `key:` in a YAML text, for messages; undefined when not found. */
export function keyLine(source: string, key: string, firstLine = 1): number | undefined {
  const lines = source.split('\n');
  const re = new RegExp(`^\\s*-?\\s*["']?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*:`);
  const i = lines.findIndex((l) => re.test(l));
  return i < 0 ? undefined : i + firstLine;
}
