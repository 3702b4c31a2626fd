// The workspace's shared config under the site's own: `defaults:` from the root bantin.yaml, then the
// site's bantin.yaml on top, key by key.

/**
 * A site's raw config over the workspace defaults: mappings merge key by key (so a site may set
 * `theme.showPrint` and keep the province's other `theme:` keys), anything else (texts, numbers,
 * lists such as `links:`) is the site's value when it has one, else the default.
 */
export function mergeConfig(defaults: Record<string, unknown>, own: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(own)) {
    const base = merged[key];
    merged[key] = isMapping(base) && isMapping(value) ? mergeConfig(base, value) : value;
  }
  return merged;
}

function isMapping(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}
