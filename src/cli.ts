#!/usr/bin/env node
// The `bantin` executable: runs src/cli/main.ts on the process's command line, streams and signals,
// and sets the exit code from what it returns.
import { main } from './cli/main.js';

// Output piped into `head` and the like may close early; that is not the build's failure.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
});
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
