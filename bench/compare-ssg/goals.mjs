// Issue 19's goals for compare-ssg.mjs: bantin's warm one-edit build, its per-commit publish and the
// dev server's back-to-back saves on the same corpus, and every goal's ratio, n/a where a tool is missing.
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, readdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const h = s.length >> 1; return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2; };

/**
 * `results`: compare-ssg's cold-build medians by tool. Builds are whole processes timed from spawn
 * to exit, as the cold builds are.
 */
export async function goals({ here, work, runs, articles, generator, results, skipServe, corpus }) {
  const site = join(work, 'bantin-warm');
  rmSync(site, { recursive: true, force: true });
  cpSync(join(work, 'bantin'), site, { recursive: true, filter: (from) => !/\/(dist|\.bantin)$/.test(from) });
  const cli = join(here, '..', 'lib/cli.js');
  const build = () => {
    const started = performance.now();
    execFileSync(process.execPath, [cli, 'build', '--root', site], { stdio: 'ignore' });
    return Math.round(performance.now() - started);
  };
  const md = readdirSync(join(site, 'content'), { recursive: true }).filter((f) => f.endsWith('.md')).sort();
  const edited = join(site, 'content', md[Math.floor(md.length / 2)]);
  build();
  const warm = [];
  for (let i = 0; i < runs; i++) {
    appendFileSync(edited, `\nĐoạn thêm lần ${i}.\n`);
    warm.push(build());
  }
  console.log(`\nbantin warm, one article edited: median ${median(warm)} ms (runs: ${warm.join(', ')})`);

  const publishLine = execFileSync(process.execPath, [join(here, 'publish-loop.mjs'), join(work, 'bantin'), join(work, 'publish'), '--runs', String(runs), '--only', 'dist', '--json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const publish = JSON.parse(publishLine.trim().split('\n').pop()).withDist;
  console.log(`bantin per-commit publish (fresh checkout, .bantin/ + dist/ restored, one article edited): median ${publish.processMs} ms as a process (runs, in-process: ${publish.runs.join(', ')})`);
  console.log(`  stages (median ms): ${Object.entries(publish.stages).map(([k, v]) => `${k} ${v}`).join(', ')}`);

  let rapid = null;
  let inDeferred = null;
  if (!skipServe) {
    // bench/run.mjs's dev-server series, on this same corpus (its generator, N articles, seed 1).
    const line = execFileSync(process.execPath, [join(here, 'run.mjs'), '--articles', String(articles), '--serve-only', '--json'], { encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, BANTIN_CORPUS: generator }, stdio: ['ignore', 'pipe', 'inherit'] });
    ({ rapid, inDeferred } = JSON.parse(line.slice(line.indexOf('{'))).serve);
    console.log(`bantin serve, saves 300 ms apart: save → reload event median ${rapid.eventMs} ms, → page ${rapid.pageMs} ms`);
    console.log(`bantin serve, a save during the deferred rebuild: save → reload event median ${inDeferred.eventMs} ms, → page ${inDeferred.pageMs} ms`);
  }

  const cold = (tool) => results[tool]?.medianMs ?? null;
  const ratio = (a, b) => (a === null || b === null ? null : a / b);
  const rows = [
    ['per-commit publish / Hugo cold', ratio(publish.processMs, cold('hugo')), '≤ 0.25×', 'hugo'],
    ['bantin cold / Hugo cold', ratio(cold('bantin'), cold('hugo')), '≤ 1.0×', 'hugo'],
    ['bantin cold / Eleventy cold', ratio(cold('bantin'), cold('eleventy')), '≤ 0.5×', 'eleventy'],
    ['bantin cold / floor', ratio(cold('bantin'), cold('floor')), '≤ 2×', 'floor'],
  ];
  console.log(`\ngoals (issue 19), load average ${loadavg().map((l) => l.toFixed(2)).join(', ')}:`);
  for (const [name, value, goal, tool] of rows) {
    const shown = value === null ? `n/a (${tool} not installed)` : `${value.toFixed(2)}×`;
    console.log(`  ${name.padEnd(32)} ${shown.padEnd(28)} goal ${goal}${value !== null ? (Number(goal.replace(/[^\d.]/g, '')) >= value ? '  met' : '  not met') : ''}`);
  }
  const ms = (name, value, goal) => console.log(`  ${name.padEnd(32)} ${(value === null ? 'n/a (--skip-serve)' : `${value} ms`).padEnd(28)} goal ${goal} ms${value === null ? '' : value <= Number(goal.replace(/[^\d.]/g, '')) ? '  met' : '  not met'}`);
  ms('warm build, one article edited', median(warm), '≤ 300');
  ms('serve, saves 300 ms apart', rapid?.eventMs ?? null, '< 100');
  ms('serve, save in deferred rebuild', inDeferred?.eventMs ?? null, '≤ 100');
  rmSync(site, { recursive: true, force: true });
  return {
    warmOneMs: median(warm), warmRuns: warm, publish, serveRapid: rapid, serveInDeferred: inDeferred,
    ratios: { publishOverHugo: rows[0][1], bantinOverFloor: rows[3][1] },
  };
}
