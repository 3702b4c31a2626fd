// What `bantin views` needs of the site: its base path and its articles' paths, read from the
// front matter alone (no Markdown is rendered). The one file here that imports the build's modules.
import { readArticle } from '../../load/article.js';
import { loadConfig } from '../../load/config.js';
import { listContent } from '../../load/files.js';
import { ProblemList } from '../../base/problems.js';
import { buildSiteModel } from '../../model/site.js';
import type { Article } from '../../base/types.js';

export interface SitePaths {
  basePath: string;
  /** `/tin-tuc/bai-viet/` for every article, drafts and future ones too (they may be published later). */
  articles: Set<string>;
}

/** Problems in the content are the build's to report: an article that cannot be read has no path here. */
export function sitePaths(root: string, baseUrl?: string): SitePaths {
  const problems = new ProblemList();
  const config = loadConfig(root, problems, { baseUrl });
  const read = listContent(root, problems).markdown
    .map((file) => readArticle(file, config, problems))
    .filter((a): a is Article => a !== null);
  const site = buildSiteModel(config, read, {}, { drafts: true, now: Date.now() }, problems);
  return { basePath: config.basePath, articles: new Set(site.articles.map((a) => `/${a.path}`)) };
}
