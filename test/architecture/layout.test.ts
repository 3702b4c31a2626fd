// The folder list is the architecture: src/<stage>/ in pipeline order, imports only from the same
// or an earlier stage, and no import circles at all.
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT } from '../helpers.js';

/** Each stage may import from itself and the stages before it. */
export const STAGES = ['base', 'load', 'model', 'markdown', 'render', 'outputs', 'plan', 'write', 'build', 'serve', 'tools', 'cli'];
const SRC = join(PROJECT, 'src');

/** Every module under src/ with the modules it imports (type-only imports too: they tie the design). */
export function importGraph(src = SRC): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of readdirSync(src, { recursive: true }) as string[]) {
    if (!file.endsWith('.ts')) continue;
    const path = file.split('\\').join('/');
    const text = readFileSync(join(src, file), 'utf8');
    const targets = [...text.matchAll(/^(?:import|export)[^'";]*?from\s+'(\.{1,2}\/[^']+)'|^\s*import\(\s*'(\.{1,2}\/[^']+)'/gm)]
      .map((m) => posix.normalize(posix.join(posix.dirname(path), m[1] ?? m[2])).replace(/\.js$/, '.ts'));
    graph.set(path, targets);
  }
  return graph;
}

const stageOf = (path: string) => (path.includes('/') ? path.split('/')[0] : path.replace(/\.ts$/, ''));

/** Imports that reach into a later stage of the pipeline. */
export function backwardImports(graph: Map<string, string[]>): string[] {
  return [...graph].flatMap(([file, targets]) => targets
    .filter((t) => STAGES.indexOf(stageOf(t)) > STAGES.indexOf(stageOf(file)))
    .map((t) => `${file} → ${t}`));
}

/** The circles in a graph, each as the list of modules around it. */
export function circles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') found.push(stack.slice(stack.indexOf(next)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return found;
}

describe('src/ layout', () => {
  const graph = importGraph();

  it('has every module in a stage folder, and every import resolves to a module', () => {
    expect(graph.size).toBeGreaterThan(40);
    for (const [file, targets] of graph) {
      expect(STAGES, `${file} is in no stage folder`).toContain(stageOf(file));
      for (const t of targets) expect(graph.has(t), `${file} imports ${t}, which is not a module of src/`).toBe(true);
    }
  });

  it('imports only from the same or an earlier stage', () => {
    expect(backwardImports(graph)).toEqual([]);
  });

  it('has no import circles', () => {
    expect(circles(graph).map((c) => c.join(' → '))).toEqual([]);
  });

  it('finds a circle and a backward import when there is one (the checks above can fail)', () => {
    const bad = new Map([['plan/a.ts', ['base/b.ts']], ['base/b.ts', ['plan/a.ts']]]);
    expect(circles(bad)).toEqual([['base/b.ts', 'plan/a.ts']]);
    expect(backwardImports(bad)).toEqual(['base/b.ts → plan/a.ts']);
  });

  it('keeps modules short: none over 300 lines unless its opening comment says why', () => {
    const long = [...graph.keys()].filter((file) => {
      const text = readFileSync(join(SRC, file), 'utf8');
      return text.split('\n').length > 300 && !/^\/\/.*over 300 lines/im.test(text.slice(0, 600));
    });
    expect(long).toEqual([]);
  });

  it('opens every module with a line saying what it owns', () => {
    const silent = [...graph.keys()].filter((file) => {
      const first = readFileSync(join(SRC, file), 'utf8').replace(/^#!.*\n/, '').split('\n')[0];
      return !/^(\/\/|\/\*\*?)\s*\S/.test(first);
    });
    expect(silent.map((f) => relative(PROJECT, join(SRC, f)))).toEqual([]);
  });
});
