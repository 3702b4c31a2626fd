// `admin:` in bantin.yaml: the Git host the web editor (/admin/, Decap CMS) signs editors in to and
// saves articles to, every key checked with a message from the catalogue at its line.
import type { ProblemList } from '../base/problems.js';
import { checkUrl } from '../base/url-policy.js';
import { say } from '../base/messages/index.js';
import type { AdminConfig } from '../base/types.js';
import { keyLine } from './yaml-lines.js';

const BACKENDS = ['github', 'gitlab', 'gitea'] as const;
/** `owner/name`, or `group/subgroup/name` on GitLab: the path segments hosts allow. */
const REPO = /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)+$/;
/** A branch name Git accepts (the common subset: no spaces, no `..`, no leading `-` or `/`). */
const BRANCH = /^(?![-/.])(?!.*\.\.)(?!.*\/\/)[A-Za-z0-9._/-]+(?<![/.])$/;

/** Reads `admin:`; null (with problems reported) when it is not usable. */
export function readAdmin(value: unknown, source: string, problems: ProblemList, file: string): AdminConfig | null {
  const adminLine = keyLine(source, 'admin');
  const at = (key: string) => ({ line: subkeyLine(source, adminLine, key) ?? adminLine });
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    problems.error(file, ...say('config-admin-not-map', {}, { line: adminLine }));
    return null;
  }
  const raw = value as Record<string, unknown>;
  const before = problems.errorCount;
  const admin: AdminConfig = { backend: 'github', repo: '', branch: 'main' };
  for (const [key, v] of Object.entries(raw)) {
    if (v === null || v === undefined) continue;
    switch (key) {
      case 'backend':
        if ((BACKENDS as readonly unknown[]).includes(v)) admin.backend = v as AdminConfig['backend'];
        else problems.error(file, ...say('config-admin-backend', { value: String(v) }, at(key)));
        break;
      case 'repo':
        if (typeof v === 'string' && REPO.test(v.trim()) && !v.includes('..')) admin.repo = v.trim();
        else problems.error(file, ...say('config-admin-repo', { value: String(v) }, at(key)));
        break;
      case 'branch':
        if (typeof v === 'string' && BRANCH.test(v.trim())) admin.branch = v.trim();
        else problems.error(file, ...say('config-admin-branch', { value: String(v) }, at(key)));
        break;
      case 'authUrl': case 'apiRoot': {
        const verdict = typeof v === 'string' ? checkUrl(v, 'link') : null;
        if (verdict?.ok && verdict.scheme === 'https') admin[key] = verdict.url.replace(/\/+$/, '');
        else problems.error(file, ...say('config-admin-url', { key, value: String(v) }, at(key)));
        break;
      }
      case 'appId':
        if ((typeof v === 'string' && v.trim()) || typeof v === 'number') admin.appId = String(v).trim();
        else problems.error(file, ...say('config-admin-text', { key }, at(key)));
        break;
      default:
        // The hint lists every key: with six, a list reads better than a guess.
        problems.warn(file, ...say('config-admin-unknown-key', { key }, at(key)));
    }
  }
  if (raw.repo === undefined || raw.repo === null) problems.error(file, ...say('config-admin-repo-missing', {}, { line: adminLine }));
  if (admin.backend === 'gitea' && (!admin.apiRoot || !admin.appId) && problems.errorCount === before) {
    problems.error(file, ...say('config-admin-gitea-needs', {}, at('backend')));
  }
  return problems.errorCount > before ? null : admin;
}

/** The line of `key:` among the indented lines under `admin:`. */
function subkeyLine(source: string, adminLine: number | undefined, key: string): number | undefined {
  if (adminLine === undefined) return undefined;
  const lines = source.split('\n');
  for (let i = adminLine; i < lines.length && (/^(\s|$|#)/.test(lines[i])); i++) {
    if (new RegExp(`^\\s+["']?${key}["']?\\s*:`).test(lines[i])) return i + 1;
  }
  // Flow style (`admin: { repo: … }`): the key sits on the `admin:` line.
  return undefined;
}
