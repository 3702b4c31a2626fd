#!/usr/bin/env node
// One build in this process, as `bantin build` runs it, measured from inside: node bench/measure-build.mjs ROOT OUT [--no-cache]
// Prints one JSON line: wall and CPU milliseconds, peak RSS, per-stage timings.
import { buildInParallel } from '../lib/build/build.js';
import { limitHeapGrowth } from '../lib/build/heap.js';

const [root, out, ...flags] = process.argv.slice(2);
limitHeapGrowth(); // as `bantin build` does
const started = performance.now();
const before = process.cpuUsage();
// As the command line builds: render threads, and the old output deleted by a separate process.
const result = await buildInParallel({ root, out, now: Date.UTC(2026, 0, 1), cache: !flags.includes('--no-cache'), backgroundCleanup: true });
const cpu = process.cpuUsage(before);
const usage = process.resourceUsage();
console.log(JSON.stringify({
  wallMs: Math.round(performance.now() - started),
  cpuMs: Math.round((cpu.user + cpu.system) / 1000),
  maxRssMB: Math.round(usage.maxRSS / 1024),
  pages: result.pages,
  files: result.files,
  reused: result.reused,
  timings: result.timings,
}));
