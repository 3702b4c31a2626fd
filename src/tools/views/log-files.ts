// Access-log files as `bantin views` reads them: plain or gzip, each known by its first line so a
// rotated (renamed, compressed) log is recognised, read line by line from where the last run stopped.
import { createHash } from 'node:crypto';
import { createReadStream, openSync, readSync, closeSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';

export interface LogFile {
  path: string;
  gz: boolean;
  inode: number;
  /** Size on disk (compressed, for gzip). */
  size: number;
  /** Hash of the first line: the same for `access.log`, the `access.log.1` it is renamed to and the `access.log.2.gz` it is compressed into. */
  fingerprint: string;
  /** The first line itself, latin1 (for ordering the files by their first time). */
  firstLine: string;
}

const isGzip = (path: string) => {
  const fd = openSync(path, 'r');
  try {
    const magic = Buffer.alloc(2);
    return readSync(fd, magic, 0, 2, 0) === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
};

function open(path: string, gz: boolean, start = 0, end?: number): Readable {
  const raw = createReadStream(path, { start: gz ? 0 : start, end, highWaterMark: 1 << 20 });
  if (!gz) return raw;
  const gunzip = createGunzip({ chunkSize: 1 << 20 });
  raw.on('error', (err) => gunzip.destroy(err));
  return raw.pipe(gunzip);
}

/** The file and its fingerprint, or null when it has no complete first line yet (nothing to count). */
export async function inspectLog(path: string): Promise<LogFile | null> {
  const st = statSync(path);
  const gz = isGzip(path);
  let head = Buffer.alloc(0);
  try {
    for await (const chunk of open(path, gz, 0, gz ? undefined : st.size - 1) as AsyncIterable<Buffer>) {
      head = Buffer.concat([head, chunk]);
      if (head.includes(10) || head.length > 1 << 20) break;
    }
  } catch {
    // A gzip file cut short still has its first line, if it got that far.
  }
  const nl = head.indexOf(10);
  if (nl < 0) return null;
  const first = head.subarray(0, nl + 1);
  return {
    path, gz, inode: st.ino, size: st.size,
    fingerprint: createHash('sha1').update(first).digest('base64url').slice(0, 16),
    firstLine: first.toString('latin1', 0, nl),
  };
}

export interface ReadResult {
  /** Bytes (uncompressed) of complete lines read, from the start of the file. */
  end: number;
  lines: number;
  /** Why reading stopped early: a gzip file cut short or damaged. */
  damaged: string | null;
}

/**
 * Calls `onLine` for every complete line after byte `start` (a last line with no newline yet is
 * left for the next run), with its 1-based line number. Plain files are read up to their size now,
 * so lines the server appends meanwhile wait for the next run too.
 */
export async function readLines(file: LogFile, start: number, firstLineNo: number, onLine: (line: string, lineNo: number) => void): Promise<ReadResult> {
  let end = start;
  let lineNo = firstLineNo;
  let skip = file.gz ? start : 0;
  let carry: Buffer | null = null;
  let damaged: string | null = null;
  if (!file.gz && start >= file.size) return { end, lines: 0, damaged };
  try {
    for await (let chunk of open(file.path, file.gz, start, file.gz ? undefined : file.size - 1) as AsyncIterable<Buffer>) {
      if (skip > 0) {
        if (chunk.length <= skip) {
          skip -= chunk.length;
          continue;
        }
        chunk = chunk.subarray(skip);
        skip = 0;
      }
      if (carry) {
        // Only the line cut between two chunks is joined, not the whole chunk copied.
        const nl = chunk.indexOf(10);
        if (nl < 0) {
          carry = Buffer.concat([carry, chunk]);
          continue;
        }
        const joined = Buffer.concat([carry, chunk.subarray(0, nl)]);
        const line = joined.toString('latin1');
        onLine(line.charCodeAt(line.length - 1) === 13 ? line.slice(0, -1) : line, lineNo++);
        end += joined.length + 1;
        chunk = chunk.subarray(nl + 1);
        carry = null;
      }
      const buf: Buffer = chunk;
      const last = buf.lastIndexOf(10);
      if (last < 0) {
        carry = buf.length ? Buffer.from(buf) : null;
        continue;
      }
      const text = buf.toString('latin1', 0, last);
      let from = 0;
      for (let nl = text.indexOf('\n'); ; nl = text.indexOf('\n', from)) {
        const line = nl < 0 ? text.slice(from) : text.slice(from, nl);
        onLine(line.charCodeAt(line.length - 1) === 13 ? line.slice(0, -1) : line, lineNo++);
        if (nl < 0) break;
        from = nl + 1;
      }
      end += last + 1;
      carry = last + 1 < buf.length ? Buffer.from(buf.subarray(last + 1)) : null;
    }
  } catch (err) {
    damaged = (err as Error).message;
  }
  return { end, lines: lineNo - firstLineNo, damaged };
}

/** Short name for messages and the state: `access.log.2.gz`. */
export const logName = (path: string) => basename(path);
