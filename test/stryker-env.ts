// Under Stryker only (vitest.stryker.config.ts): tells the `bantin` processes a test starts which
// mutant is active; their lib/ is compiled from the mutated sources and reads it from the environment.
import { beforeAll } from 'vitest';

const KEY = '__STRYKER_ACTIVE_MUTANT__';

beforeAll(() => {
  const active = (globalThis as { __stryker__?: { activeMutant?: string | number } }).__stryker__?.activeMutant;
  if (active === undefined) delete process.env[KEY];
  else process.env[KEY] = String(active);
});
