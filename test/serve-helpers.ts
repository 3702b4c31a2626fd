import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { CLI } from './helpers.js';

export interface ServeProcess {
  url: string;
  port: number;
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/** Starts a real `bantin serve` on a free port of 127.0.0.1 and waits until it serves. */
export async function startServe(root: string, extra: string[] = []): Promise<ServeProcess> {
  const child = spawn(process.execPath, [CLI, 'serve', '--root', root, '--port', '0', ...extra], { env: { ...process.env, NO_COLOR: '1', BANTIN_LANG: 'en' } });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`serve did not start:\n${out}`)), 60_000);
    child.stdout!.on('data', () => {
      const m = /(?:serving|đang phục vụ) (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        ok(m[1]);
      }
    });
    child.on('exit', (code) => fail(new Error(`serve exited with ${code}:\n${out}`)));
  });
  return {
    url,
    port: Number(new URL(url).port),
    child,
    output: () => out,
    stop: () => new Promise((ok) => {
      if (child.exitCode !== null) return ok();
      child.once('exit', () => ok());
      child.kill('SIGTERM');
    }),
  };
}

/** Listens to the live-reload stream and collects its events. */
export function listenEvents(base: string) {
  const events: { event: string; data: string; cause?: { at: number; paths: string[] } }[] = [];
  const controller = new AbortController();
  const ready = fetch(new URL('/__bantin/events', base), { signal: controller.signal }).then(async (res) => {
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += decoder.decode(value, { stream: true });
          let at;
          while ((at = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, at);
            buffer = buffer.slice(at + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1] ?? '';
            const cause = /^cause: (.*)$/m.exec(block)?.[1];
            if (event) events.push({ event, data, cause: cause ? JSON.parse(cause) : undefined });
          }
        }
      } catch {
        // aborted
      }
    })();
  });
  return {
    events,
    ready,
    close: () => controller.abort(),
    /** Waits for the next event after `from` events, up to a bound. */
    async next(from: number, timeoutMs = 15_000): Promise<{ event: string; data: string }> {
      const end = Date.now() + timeoutMs;
      while (events.length <= from) {
        if (Date.now() > end) throw new Error('no live-reload event arrived');
        await new Promise((r) => setTimeout(r, 10));
      }
      return events[from];
    },
    /**
     * Waits for the event of the rebuild that a change of `file` (a path ending) made at or after
     * `since` (Date.now() before the change) started. Under load a write can give two watcher
     * bursts, and an earlier step's second event would otherwise be taken for this step's.
     */
    async answering(file: string, since: number, timeoutMs = 30_000) {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const hit = events.find((e) => e.cause && e.cause.at >= since && e.cause.paths.some((p) => p.endsWith(file)));
        if (hit) return hit;
        if (Date.now() > end) throw new Error(`no live-reload event answered the change of ${file}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
  };
}

/** A GET with the path sent exactly as given (fetch would normalise `..` away). */
export function rawGet(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => ok({ status: res.statusCode!, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

/** Removes what the dev server adds to HTML, to compare a served page with a built one. */
export function stripLiveReload(html: string): string {
  return html.replace(/<script>\(function\(\)\{var s=new EventSource[\s\S]*?<\/script>/, '').replace(/<div id="bantin-overlay"[\s\S]*?<\/ol><\/div>/, '');
}
