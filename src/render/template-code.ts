// Templates as the JavaScript Nunjucks compiles them to, kept between builds (in .bantin/) and
// handed to render threads: compiling the default theme costs a few hundred milliseconds of CPU in
// every process and thread; turning the kept code back into functions costs a few.
import nunjucks from 'nunjucks';
import { createRequire } from 'node:module';
import { hash } from '../base/hash.js';

/** Compiled code, by a key of everything it was compiled from (see codeKey). */
export type TemplateCode = Map<string, string>;

const NUNJUCKS_VERSION = (createRequire(import.meta.url)('nunjucks/package.json') as { version: string }).version;

interface Internals {
  compiler: { compile(src: string, asyncFilters: unknown, extensions: unknown, path: string, opts: unknown): string };
  lib: { _prettifyError(path: string, withInternals: boolean, err: Error): Error };
}
type Env = nunjucks.Environment & { asyncFilters: unknown; extensionsList: unknown; opts: { dev?: boolean } };

/**
 * The compiled template `name` (source `src`, read from `path`), from `known` when it holds the code
 * of this very source, else compiled now. Either way its code goes into `used`. Errors are the ones
 * Nunjucks' own eager compile throws, so they are reported the same way.
 */
export function compileTemplate(env: nunjucks.Environment, src: string, path: string, known: TemplateCode, used: TemplateCode): nunjucks.Template {
  const { compiler, lib } = nunjucks as unknown as Internals;
  const e = env as Env;
  // Nunjucks' options and extensions are set by bantin's own code, which the whole cache is keyed by
  // (BUILD_ID); its version is not. The path is in the key: the code names it in its error messages.
  const key = hash(NUNJUCKS_VERSION, path, src);
  let code = known.get(key);
  try {
    code ??= compiler.compile(src, e.asyncFilters, e.extensionsList, path, e.opts);
    used.set(key, code);
    // The same step as Nunjucks' Template._compile: the code returns the template's functions.
    const props = new Function(code)() as object;
    return new nunjucks.Template({ type: 'code', obj: props } as unknown as string, env, path, true);
  } catch (err) {
    throw lib._prettifyError(path, !!e.opts.dev, err as Error);
  }
}
