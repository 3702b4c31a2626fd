// The web editor under `bantin serve`: Decap's local backend (decap-server) as a child process on
// 127.0.0.1, saving into the site folder, and the served config.yml that points Decap at it.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { request as httpRequest } from 'node:http';

export interface LocalBackend {
  /** `http://127.0.0.1:PORT/api/v1`, what `local_backend.url` says. */
  url: string;
  stop(): Promise<void>;
}

/** A port of 127.0.0.1 free at this moment (decap-server takes it from its PORT variable). */
function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail).listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
  });
}

/** Whether decap-server answers Decap's first question (`info`). */
function answers(url: string): Promise<boolean> {
  return new Promise((ok) => {
    const req = httpRequest(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, timeout: 1000 }, (res) => {
      res.resume();
      ok(res.statusCode === 200);
    });
    req.on('error', () => ok(false)).on('timeout', () => req.destroy());
    req.end(JSON.stringify({ action: 'info' }));
  });
}

/**
 * Starts decap-server in `fs` mode on a free port of 127.0.0.1 with the site folder as its
 * repository: Decap reads and writes the files there, and the dev server's watcher rebuilds. A child
 * process rather than in-process: it brings Express and its own logger, and ends with serve.
 */
export async function startLocalBackend(root: string, log: (line: string) => void): Promise<LocalBackend> {
  const bin = join(dirname(createRequire(import.meta.url).resolve('decap-server/package.json')), 'dist', 'index.js');
  // Two tries: another program may take the port between freePort() and decap-server's listen.
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/api/v1`;
    // Through a pipe it reads: when serve ends in any way (even killed), the pipe closes and so does decap-server.
    const child = spawn(process.execPath, ['-e', `process.stdin.on('end', () => process.exit(0)).resume(); require(${JSON.stringify(bin)});`], {
      cwd: root,
      // Set here, so a site's .env (decap-server reads one) cannot point it elsewhere.
      env: { ...process.env, PORT: String(port), BIND_HOST: '127.0.0.1', MODE: 'fs', GIT_REPO_DIRECTORY: root, LOG_LEVEL: 'warn' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const ready = await waitReady(child, url);
    if (ready) {
      // Its warnings and errors (a save it could not make) belong in serve's output.
      const relay = (d: Buffer) => String(d).split('\n').filter((l) => l.trim()).forEach((l) => log(`decap-server: ${l}`));
      child.stdout!.removeAllListeners('data').on('data', relay);
      child.stderr!.removeAllListeners('data').on('data', relay);
      return { url, stop: () => stopChild(child) };
    }
    await stopChild(child);
    if (attempt === 1) throw new Error(output.trim().split('\n').slice(-3).join(' ') || 'it did not answer within 15 s');
  }
}

async function waitReady(child: ChildProcess, url: string): Promise<boolean> {
  const end = Date.now() + 15_000;
  while (Date.now() < end && child.exitCode === null) {
    if (await answers(url)) return true;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  return false;
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((ok) => {
    if (child.exitCode !== null || child.signalCode !== null) return ok();
    child.once('exit', () => ok());
    child.kill('SIGTERM');
  });
}

/**
 * The served /admin/config.yml: the built one plus `local_backend`, which makes Decap save through
 * decap-server instead of signing in to the Git host. Never part of a built site.
 */
export function withLocalBackend(configYml: Uint8Array, url: string): string {
  return `${Buffer.from(configYml).toString('utf8').replace(/\n*$/, '\n')}# Added by bantin serve only: save into the local folder through decap-server.\nlocal_backend:\n  url: ${url}\n`;
}
