// The cache file's format: a run of serialized parts, each after its length and CRC-32, so that a
// part damaged or cut short is never trusted, and a large Map is written and read a chunk at a time.
import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { crc32 } from 'node:zlib';

/** Entries of a Map serialized together: a large map is written in several parts of this many. */
const MAP_CHUNK = 10_000;

/**
 * The cache file is a run of serialized parts, each preceded by its length and checksum: each top-level field
 * of the stored object, a large Map a chunk of entries at a time. Serializing the whole at once
 * took three times its size in memory (the serializer's buffer grows by doubling), 700 MB for a
 * 100,000-article site. Objects may not be shared between fields, nor between a map's entries.
 */
export function writeParts(path: string, stored: object): void {
  const fd = openSync(path, 'w');
  const write = (part: unknown) => {
    const blob = serialize(part);
    // Its length and CRC-32: a part damaged or cut short is not trusted (a CRC is ~13× cheaper than SHA-1 here).
    const head = Buffer.alloc(HEAD);
    head.writeUInt32LE(blob.length);
    head.writeUInt32LE(crc32(blob), 4);
    writeSync(fd, head);
    for (let done = 0; done < blob.length;) done += writeSync(fd, blob, done);
  };
  try {
    for (const [key, value] of Object.entries(stored)) {
      if (!(value instanceof Map)) {
        write([key, value]);
        continue;
      }
      // [key, entries, true]: entries to add to the map `key` (an empty map is one empty chunk).
      let chunk: unknown[] = [];
      for (const entry of value) {
        chunk.push(entry);
        if (chunk.length === MAP_CHUNK) {
          write([key, chunk, true]);
          chunk = [];
        }
      }
      if (chunk.length > 0 || value.size === 0) write([key, chunk, true]);
    }
  } finally {
    closeSync(fd);
  }
}

/** Before each part: its length and CRC-32, 4 bytes each. */
const HEAD = 8;

/**
 * The object writeParts wrote. Throws when a part is damaged or cut short, or as soon as one named in
 * `expect` has another value than the one given there (so a file written first with those parts is
 * given up after reading them).
 */
export function readParts(path: string, expect: Record<string, unknown> = {}): Record<string, unknown> {
  const fd = openSync(path, 'r');
  try {
    const stored: Record<string, unknown> = {};
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(HEAD);
    for (let at = 0; at < size;) {
      if (readSync(fd, head, 0, HEAD, at) !== HEAD) throw new Error('cut short');  // allow-literal-message: internal: the cache is rebuilt
      const length = head.readUInt32LE();
      // Stryker disable next-line ConditionalExpression,StringLiteral: without it the read below meets the end of the file and throws too (this saves a buffer of the bogus length); loadBuildCache drops the message
      if (at + HEAD + length > size) throw new Error('cut short');  // allow-literal-message: internal: the cache is rebuilt
      const blob = Buffer.allocUnsafe(length);
      for (let done = 0; done < blob.length;) {
        const n = readSync(fd, blob, done, blob.length - done, at + HEAD + done);
        // Stryker disable next-line ConditionalExpression,StringLiteral: the length check above means the bytes are there, unless the file shrinks while read; loadBuildCache drops the message
        if (n === 0) throw new Error('cut short');  // allow-literal-message: internal: the cache is rebuilt
        done += n;
      }
      if (crc32(blob) !== head.readUInt32LE(4)) throw new Error('damaged');  // allow-literal-message: internal: the cache is rebuilt
      const [key, value, chunk] = deserialize(blob) as [string, unknown, boolean?];
      if (chunk) {
        const map = (stored[key] ??= new Map()) as Map<unknown, unknown>;
        for (const [k, v] of value as [unknown, unknown][]) map.set(k, v);
      } else {
        if (Object.hasOwn(expect, key) && expect[key] !== value) throw new Error(`${key} differs`);  // allow-literal-message: internal: the cache is rebuilt
        stored[key] = value;
      }
      at += HEAD + blob.length;
    }
    return stored;
  } finally {
    closeSync(fd);
  }
}

