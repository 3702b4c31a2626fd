// A render thread: builds the same Nunjucks environment as the main thread and renders the pages it
// is sent straight into the staging folder, so rendering and writing use every core.
import { parentPort, workerData } from 'node:worker_threads';
import { writeFileSync } from 'node:fs';
import { fileBodyStore } from '../markdown/body-store.js';
import { createRenderer, TemplateError } from './render.js';
import { targetsIn } from '../base/out-dir.js';
import type { RenderSetup, RenderJob, RenderReply, ThreadError } from './pool.js';
import type { Article } from '../base/types.js';

const setup = workerData as RenderSetup;
// The main thread wrote every body before starting this thread: read them from its file.
const bodies = setup.bodies === null ? null : fileBodyStore(setup.bodies, 0, { readOnly: true });
const renderer = createRenderer(setup.root, setup.templateDirs, setup.config, setup.strings, new Map(setup.assetNames), new Map(setup.templateCode));
const target = targetsIn(setup.dir);

parentPort!.on('message', (jobs: RenderJob[]) => {
  let reply: RenderReply = { ok: true, files: 0 };
  try {
    for (const job of jobs) {
      if (job.body) Object.assign(job.context.article as Article, { html: bodies!.html(job.body), text: bodies!.text(job.body) });
      const html = renderer.render(job.template, { site: setup.shell, t: setup.strings, ...job.context });
      writeFileSync(target(job.file), html);
      reply.files++;
    }
  } catch (err) {
    reply = err instanceof TemplateError
      ? { ok: false, problem: err.problem, files: reply.files }
      : { ok: false, error: threadError(err), files: reply.files };
  }
  parentPort!.postMessage(reply);
});

/** What the main thread needs to report an error as its own: never a stack trace unless --verbose. */
function threadError(err: unknown): ThreadError {
  const e = err as NodeJS.ErrnoException;
  return e instanceof Error ? { message: e.message, stack: e.stack, code: e.code, path: e.path, syscall: e.syscall } : { message: String(err) };
}
