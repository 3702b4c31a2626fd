// Where bantin itself is installed: the default theme, the version, and BUILD_ID, which names the
// compiled code so that caches and output folders made by other code are never taken as current.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { hash, hashFolders } from './hash.js';

/** The folder of a site's own templates, and of the default theme inside the package. */
export const TEMPLATES_DIR = 'templates';
/** The package's root: this file sits one folder below it in both src/ and lib/. */
const PACKAGE_ROOT = new URL('../../', import.meta.url);
/** All of bantin's code (lib/ when compiled, src/ under the tests), wherever this file sits in it. */
const CODE_ROOT = new URL('../', import.meta.url);

export const DEFAULT_THEME = fileURLToPath(new URL(`${TEMPLATES_DIR}/`, PACKAGE_ROOT));
export const VERSION = (JSON.parse(readFileSync(new URL('package.json', PACKAGE_ROOT), 'utf8')) as { version: string }).version;
/**
 * What cached builds are keyed by: the version and every file of bantin's own code, so a cache (or
 * an output folder) made by other code, even of the same version number, is never taken as current.
 */
export const BUILD_ID = hash(VERSION, hashFolders([fileURLToPath(CODE_ROOT)]));
