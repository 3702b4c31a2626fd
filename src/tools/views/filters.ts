// Which logged requests are a reader's view: a successful GET, not by a known bot (the isbot
// package's list), not from an excluded address range (the office's own network, monitoring).
import { MessageError } from '../../base/messages/index.js';
import { BlockList, isIP } from 'node:net';
import { isbot } from 'isbot';

/**
 * 200, and 304: a reader's browser asking whether its cached copy is still current, and showing
 * it, is a reader reading the page again. Redirects, errors and partial responses are not views.
 */
export const isViewStatus = (status: number) => status === 200 || status === 304;

/** isbot's patterns take about a microsecond a call; a log repeats a few thousand agents. */
export function botFilter(): (agent: string) => boolean {
  const known = new Map<string, boolean>();
  return (agent) => {
    let bot = known.get(agent);
    if (bot === undefined) {
      // Bounded: a log full of made-up agents must not grow memory.
      if (known.size >= 50_000) known.clear();
      // nginx logs a missing agent as `-`, which isbot takes for a bot; so does this count.
      bot = isbot(agent);
      known.set(agent, bot);
    }
    return bot;
  };
}

/** Parses `--exclude-ip` values (`10.0.0.0/8`, `2001:db8::/32`, `203.0.113.7`); throws a message naming the bad one. */
export function addressFilter(cidrs: string[]): ((ip: string) => boolean) | null {
  if (cidrs.length === 0) return null;
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [address, bits, extra] = cidr.split('/');
    const family = isIP(address);
    const prefix = bits === undefined ? (family === 6 ? 128 : 32) : Number(bits);
    if (!family || extra !== undefined || !/^\d+$/.test(bits ?? '0') || prefix > (family === 6 ? 128 : 32)) {
      throw new MessageError('views-bad-ip', { cidr });
    }
    list.addSubnet(address, prefix, family === 6 ? 'ipv6' : 'ipv4');
  }
  const known = new Map<string, boolean>();
  return (ip) => {
    let excluded = known.get(ip);
    if (excluded === undefined) {
      if (known.size >= 100_000) known.clear();
      const family = isIP(ip);
      excluded = family !== 0 && list.check(ip, family === 6 ? 'ipv6' : 'ipv4');
      known.set(ip, excluded);
    }
    return excluded;
  };
}
