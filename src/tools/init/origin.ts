// Which bantin the new site's package.json asks for: the one running now, from wherever it came.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VERSION } from '../../base/install.js';

export interface BantinSpec {
  /** What goes into `dependencies.bantin`. */
  spec: string;
  /** True when the spec names a file on this machine, which a CI runner cannot reach. */
  local: boolean;
}

/** This package's folder (three levels above lib/tools/init/). */
const PACKAGE_DIR = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * npm records where each installed package came from in `node_modules/.package-lock.json`. A Git
 * install is pinned to its commit there; a tarball is a path relative to the project that installed
 * it. When bantin was not installed by npm (run from its own repository), the version number.
 */
export function currentSpec(packageDir = PACKAGE_DIR): BantinSpec {
  const fallback = { spec: `^${VERSION}`, local: false };
  const modules = dirname(resolve(packageDir));
  const lock = join(modules, '.package-lock.json');
  if (basename(modules) !== 'node_modules' || !existsSync(lock)) return fallback;
  let resolved: unknown;
  try {
    const packages = (JSON.parse(readFileSync(lock, 'utf8')) as { packages?: Record<string, { resolved?: unknown }> }).packages ?? {};
    resolved = Object.entries(packages).find(([key]) => key === `node_modules/${basename(packageDir)}` || key.endsWith(`/node_modules/${basename(packageDir)}`))?.[1].resolved;
  } catch {
    return fallback;
  }
  if (typeof resolved !== 'string') return fallback;
  if (resolved.startsWith('git+') || resolved.startsWith('github:')) return { spec: resolved, local: resolved.startsWith('git+file:') };
  if (resolved.startsWith('file:')) return { spec: `file:${resolve(dirname(modules), resolved.slice(5))}`, local: true };
  return fallback;
}
