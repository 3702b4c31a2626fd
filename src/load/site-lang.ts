// The language bantin speaks to a site's people: --lang, BANTIN_LANG, else the site's `locale`.
import { join } from 'node:path';
import yaml from 'js-yaml';
import { chooseLang, type Lang } from '../base/messages/index.js';
import { readRegularFile } from '../base/read-file.js';
import { CONFIG_FILE } from './config.js';

/**
 * Read before anything else, so even a broken bantin.yaml is reported in the site's language:
 * a config YAML cannot parse still has its `locale:` line read on its own.
 */
export function siteLang(root: string, flag?: string, env = process.env.BANTIN_LANG): Lang {
  let locale: string | undefined;
  try {
    // Through the same guarded read as every input: a FIFO here would otherwise hang the command.
    const text = readRegularFile(join(root, CONFIG_FILE)).toString('utf8');
    try {
      const v = (yaml.load(text, { schema: yaml.CORE_SCHEMA }) as Record<string, unknown> | null)?.locale;
      locale = typeof v === 'string' ? v.trim() : undefined;
    } catch {
      locale = /^locale:\s*["']?([\w-]+)/m.exec(text)?.[1];
    }
  } catch {
    // No bantin.yaml (or one that cannot be read, which loading the config reports): the default locale, vi.
  }
  return chooseLang(flag, env, locale);
}
