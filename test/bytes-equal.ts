// Setup file: byte arrays compared as bytes. Vitest's deep equality walks a Buffer element by
// element, which takes minutes for a megabyte file (/admin/'s decap-cms.js is 5 MB), and the output
// trees the tests compare hold such files.
import { expect } from 'vitest';

expect.addEqualityTesters([
  (a: unknown, b: unknown) => (a instanceof Uint8Array && b instanceof Uint8Array ? Buffer.compare(a, b) === 0 : undefined),
]);
