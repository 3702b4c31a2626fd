// bantin installed from a Git URL (offline: this repository's own commit over git+file://): npm
// clones it, compiles it with its `prepare` script and installs the result; `bantin init` then pins
// that very commit, and the new site installs it with no warning about unreviewed install scripts.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT, tempDir } from '../helpers.js';
import { npmInstall, run } from './init-helpers.js';

describe('bantin from a Git URL', () => {
  const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: PROJECT, encoding: 'utf8' }).trim();
  const url = `git+file://${PROJECT.replace(/\/$/, '')}#${commit}`;
  let work: string;
  let tool: string;

  beforeAll(() => {
    work = tempDir('init-git');
    tool = join(work, 'tool');
    mkdirSync(tool);
    writeFileSync(join(tool, 'package.json'), '{ "name": "tool", "private": true }\n');
    npmInstall(tool, url);
  }, 400_000);

  it('installs compiled code and the theme, and no development tree', () => {
    const pkg = join(tool, 'node_modules', 'bantin');
    expect(existsSync(join(pkg, 'lib', 'cli.js'))).toBe(true);
    expect(existsSync(join(pkg, 'templates', 'base.njk'))).toBe(true);
    for (const dev of ['src', 'test', 'content', 'lib/.tsbuildinfo']) expect(existsSync(join(pkg, dev)), dev).toBe(false);
    expect(existsSync(join(tool, 'node_modules', 'typescript'))).toBe(false);
    expect(run(join(tool, 'node_modules', '.bin', 'bantin'), ['version'], tool).stdout).toMatch(/^bantin \d+\.\d+\.\d+/);
  });

  it('makes a site that pins the commit and installs it without a warning', () => {
    run(join(tool, 'node_modules', '.bin', 'bantin'), ['init', 'site', '--yes', '--title', 'Cổng thông tin điện tử xã Thử'], work);
    const site = join(work, 'site');
    const pkg = JSON.parse(readFileSync(join(site, 'package.json'), 'utf8'));
    expect(pkg.dependencies.bantin).toBe(url);
    expect(pkg.allowScripts).toEqual({ [url]: true });
    const install = npmInstall(site);
    expect(install.stderr).not.toContain('install-scripts');
    expect(run('npm', ['run', 'build', '--silent'], site).stdout).toMatch(/^bantin: built \d+ pages/m);
  }, 400_000);
});
