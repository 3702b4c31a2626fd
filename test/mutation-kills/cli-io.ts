// `bantin` in-process for the mutation-kill tests: main() with collecting writers, a chosen folder
// and environment, so per-test coverage sees the command's code (the real binary: cli-flags.test.ts).
import { main, type CliIO } from '../../src/cli/main.js';

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** Whether stderr says it is a terminal (colours). */
  tty?: boolean;
  stop?: Promise<unknown>;
  /** Called with each piece written to stdout. */
  onStdout?: (text: string) => void;
}

/** `bantin ARGS…` in this process; English unless the test asks for a language. */
export async function bantin(args: string[], options: RunOptions = {}): Promise<Ran> {
  let stdout = '', stderr = '';
  const io: CliIO = {
    stdout: { write: (text: string) => { stdout += text; options.onStdout?.(text); return true; } },
    stderr: { write: (text: string) => { stderr += text; return true; }, isTTY: options.tty },
    env: { BANTIN_LANG: 'en', ...options.env },
    cwd: options.cwd ?? process.cwd(),
    stop: options.stop,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}
