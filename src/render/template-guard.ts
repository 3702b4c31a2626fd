// What a site's templates may not do: reach JavaScript's Function (and with it the machine) through
// `constructor` or `__proto__`, or ask one expression for a billion values, which crashes V8.
import nunjucks from 'nunjucks';

/** The most values one `range`, `batch`, `center` or `indent` may make: far above any page's needs. */
export const TEMPLATE_LIMIT = 100_000;

/** Names that lead from any value to its prototype or to Function, and so to running code. */
const BLOCKED = new Set(['constructor', 'prototype', '__proto__', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__']);

const blocked = (name: string) =>
  new Error(`templates may not use \`${name}\` (it leads to running JavaScript on the machine that builds the site)`);

type Runtime = {
  memberLookup(obj: unknown, val: unknown): unknown;
  contextOrFrameLookup(context: unknown, frame: unknown, name: string): unknown;
  __bantinGuarded?: boolean;
};

/**
 * Nunjucks resolves every `a.b`, `a["b"]` and bare name through these two runtime functions, which
 * compiled templates call on the shared runtime object: guarding them there covers every template.
 */
export function guardRuntime(): void {
  const runtime = (nunjucks as unknown as { runtime: Runtime }).runtime;
  if (runtime.__bantinGuarded) return;
  const member = runtime.memberLookup;
  const name = runtime.contextOrFrameLookup;
  runtime.memberLookup = (obj, val) => {
    if (BLOCKED.has(String(val))) throw blocked(String(val));
    return member(obj, val);
  };
  runtime.contextOrFrameLookup = (context, frame, key) => {
    if (BLOCKED.has(key)) throw blocked(key);
    return name(context, frame, key);
  };
  runtime.__bantinGuarded = true;
}

/** `n` as Nunjucks' loops would compare it (`"1e9"` counts as 1e9; NaN makes nothing). */
function bound(what: string, n: unknown): void {
  const count = Math.abs(Number(n));
  // allow-literal-message: a theme developer's template mistake, shown beside Nunjucks' own (English) error at the template's file and line
  if (count > TEMPLATE_LIMIT) throw new Error(`${what} may make at most ${TEMPLATE_LIMIT.toLocaleString('en')} values, not ${String(n)}`);
}

/** Nunjucks' `range`, `batch`, `center` and `indent`, with their sizes bounded. */
export function guardEnvironment(env: nunjucks.Environment): void {
  const globals = (env as unknown as { globals: Record<string, (...a: number[]) => number[]> }).globals;
  const range = globals.range;
  env.addGlobal('range', (start: number, stop?: number, step = 1) => {
    // A step of 0 (or one going away from `stop`) would loop for ever.
    // allow-literal-message: a theme developer's template mistake, shown beside Nunjucks' own (English) error at the template's file and line
    if (!(Number(step) !== 0)) throw new Error('range() needs a step other than 0');
    bound('range()', stop === undefined ? start : (Number(stop) - Number(start)) / Number(step));
    return range(start, stop as number, step);
  });
  const filters = env as unknown as { getFilter(name: string): (...a: unknown[]) => unknown };
  for (const [filter, arg] of [['batch', 1], ['center', 1], ['indent', 1]] as const) {
    const original = filters.getFilter(filter);
    env.addFilter(filter, (...args: unknown[]) => {
      bound(`the ${filter} filter`, args[arg]);
      return original(...args);
    });
  }
}
