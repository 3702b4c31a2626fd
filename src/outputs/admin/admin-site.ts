// The web editor of one site: /admin/ when bantin.yaml has `admin:`, from the site's categories and theme.
import { say } from '../../base/messages/index.js';
import type { ProblemList } from '../../base/problems.js';
import type { Site } from '../../base/types.js';
import { CONFIG_FILE } from '../../load/config.js';
import { keyLine } from '../../load/yaml-lines.js';
import { adminOutput, type AdminOutput } from './admin-page.js';
import { editorCategories } from './decap-config.js';
import { decapFiles } from './decap-files.js';

/** The theme stylesheet the preview borrows (its published name carries a content hash). */
const STYLESHEET = 'assets/style.css';
const ICON = 'assets/favicon.svg';

/** /admin/ for the site, or null without `admin:`; an error when Decap's files are not installed. */
export function siteAdmin(site: Site, assetNames: Map<string, string>, problems: ProblemList, configText = ''): AdminOutput | null {
  const { admin } = site.config;
  if (!admin) return null;
  const decap = decapFiles();
  if (!decap) {
    problems.error(CONFIG_FILE, ...say('admin-decap-missing', {}, { line: keyLine(configText, 'admin') }));
    return null;
  }
  const categories = editorCategories(site.config, site.categories.map((c) => ({ name: c.name, slug: c.slug })));
  return adminOutput(site.config, admin, categories, { stylesheet: assetNames.get(STYLESHEET) ?? null, icon: assetNames.get(ICON) ?? null }, decap);
}
