// Work done in steps: a generator that yields between pieces, so that the dev server can answer a
// save between them. A build runs the same generator to its end at once.

/** Runs `steps` to the end and returns what it returns. */
export function finishSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
