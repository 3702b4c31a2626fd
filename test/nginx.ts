// A real nginx for tests: nginx started on a config of the test's own (its
// files under a prefix folder, nothing under /var), waited for until it answers, and stopped.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findTool } from './tools.js';

export const NGINX = findTool('nginx', ['/usr/sbin']);
export const NGINX_INSTALL = 'apt-get install nginx-light';

export interface Nginx {
  process: ChildProcess;
  /** What nginx printed, and its error log. */
  log(): string;
  stop(): Promise<void>;
}

/**
 * Writes `config` to PREFIX/nginx.conf, starts nginx on it and resolves once `answers()` is true.
 * Throws with nginx's output if it exits first or does not answer within 15 s.
 */
export async function startNginx(prefix: string, config: string, answers: () => Promise<boolean>): Promise<Nginx> {
  writeFileSync(join(prefix, 'nginx.conf'), config);
  // `-e` names the error log before the config is read, so nothing is written to /var/log.
  const proc = spawn(NGINX!, ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-e', join(prefix, 'error.log'), '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  proc.stdout!.on('data', (d) => (output += d));
  proc.stderr!.on('data', (d) => (output += d));
  const errorLog = join(prefix, 'error.log');
  const nginx: Nginx = {
    process: proc,
    log: () => output + (existsSync(errorLog) ? readFileSync(errorLog, 'utf8') : ''),
    stop: async () => {
      if (proc.exitCode !== null) return;
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await exited;
    },
  };
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`nginx exited (${proc.exitCode}):\n${nginx.log()}`);
    if (await answers().catch(() => false)) return nginx;
    if (Date.now() > deadline) throw new Error(`nginx did not answer:\n${nginx.log()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
