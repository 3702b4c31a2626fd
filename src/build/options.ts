// What a build is asked to do, and what it reports.
import type { GenerateOptions } from '../plan/plan-site.js';
import type { Problem } from '../base/types.js';

export interface BuildOptions extends GenerateOptions {
  /** Default `<root>/dist`. */
  out?: string;
  /** Reuse `<root>/.bantin/` from the last build: re-render and rewrite only what changed. */
  cache?: boolean;
  /** Let a separate process delete the previous output after the swap (the command line does). */
  backgroundCleanup?: boolean;
}

export interface BuildResult {
  out: string;
  pages: number;
  files: number;
  /** Output files taken unchanged from the previous build. */
  reused: number;
  warnings: Problem[];
  timings: Record<string, number>;
}
