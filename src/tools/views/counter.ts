// One view per client address per page per 30 minutes: the views of one run, added to the state,
// remembering only the last half hour's clients so memory stays flat however long the logs are.
import { createHash } from 'node:crypto';
import type { ViewsState } from './state.js';

export const WINDOW_MS = 30 * 60_000;

const keyHash = (key: string) => createHash('sha1').update(key).digest('base64url').slice(0, 16);

export interface Counter {
  /** Counts the view unless this client was counted on this page less than 30 minutes before (or after: logs may come out of order). */
  add(ip: string, path: string, time: number, article: boolean): boolean;
  /** Writes the last half hour's views into the state, for the next run. */
  save(): void;
}

export function newCounter(state: ViewsState): Counter {
  const last = new Map<string, number>();
  // The last run's half hour, known only by hashes: looked up while lines are still within it.
  const earlier = new Map(Object.entries(state.recent));
  let earlierUntil = -Infinity;
  for (const t of earlier.values()) earlierUntil = Math.max(earlierUntil, t + WINDOW_MS);
  let newest = earlierUntil - WINDOW_MS;
  // Pruned when it has doubled since the last pruning: never more than twice the last half hour's views.
  let pruneAt = 10_000;

  const prune = () => {
    const before = newest - WINDOW_MS;
    for (const [key, t] of last) if (t <= before) last.delete(key);
    pruneAt = Math.max(10_000, 2 * last.size);
  };

  return {
    add(ip, path, time, article) {
      const key = `${ip} ${path}`;
      let prev = last.get(key);
      if (prev === undefined && time < earlierUntil) prev = earlier.get(keyHash(key));
      if (prev !== undefined && Math.abs(time - prev) < WINDOW_MS) return false;
      last.set(key, time);
      if (time > newest) newest = time;
      if (last.size >= pruneAt) prune();
      state.total++;
      if (article) state.pages[path] = (state.pages[path] ?? 0) + 1;
      return true;
    },
    save() {
      const recent: Record<string, number> = {};
      const since = newest - WINDOW_MS;
      for (const [hash, t] of earlier) if (t > since) recent[hash] = t;
      for (const [key, t] of last) if (t > since) recent[keyHash(key)] = t;
      state.recent = recent;
    },
  };
}
