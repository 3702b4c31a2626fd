// Asks the questions of `bantin init` on a terminal, one line each, with the default in brackets.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { QUESTIONS, setAnswer, type Answers } from './questions.js';

/** Thrown when the user presses Ctrl+C or Ctrl+D: nothing has been written yet. */
export class Cancelled extends Error {}

/**
 * Fills in every answer not already given, asking on `output` and reading `input`. Lines are read
 * through the interface's iterator, which keeps lines typed (or pasted) ahead of their question.
 */
export async function askMissing(given: Partial<Answers>, input: Readable, output: Writable): Promise<Answers> {
  const rl = createInterface({ input, output, terminal: true });
  const lines = rl[Symbol.asyncIterator]();
  const cancelled = new Promise<never>((_, reject) => rl.once('SIGINT', () => reject(new Cancelled())));
  cancelled.catch(() => {});
  const so: Partial<Answers> = { ...given };
  try {
    for (const q of QUESTIONS) {
      if (given[q.key] !== undefined) continue;
      const fallback = q.fallback(so);
      for (;;) {
        rl.setPrompt(`${q.ask}${fallback ? ` [${fallback}]` : ''}: `);
        rl.prompt();
        const next = await Promise.race([lines.next(), cancelled]);
        if (next.done) throw new Cancelled();
        const text = next.value.trim() || fallback;
        const wrong = q.check?.(text);
        if (!wrong) {
          setAnswer(so, q.key, text);
          break;
        }
        output.write(`  ${wrong}\n`);
      }
    }
  } finally {
    rl.close();
  }
  return so as Answers;
}
