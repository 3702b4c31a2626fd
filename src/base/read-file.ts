// Reading a site's own files without hanging or exhausting memory: only regular files, of bounded
// size. A named pipe (FIFO) would block a plain read for ever; a device could be endless.
import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from 'node:fs';

/** The largest text file bantin reads (an article, the config, a template, a strings or data file). */
export const TEXT_LIMIT = 32 * 1024 * 1024;

/** A file bantin refuses to read, with what to tell the person (the caller adds the file's name). */
export class UnreadableFile extends Error {
  constructor(message: string, readonly hint: string) {
    super(message);
  }
}

/** What kind of file a stat is, in words, when it is not a regular file or a folder. */
export function specialKind(st: Stats): string | null {
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return st.isFile() || st.isDirectory() ? null : 'not a regular file';
}

const SPECIAL_HINT = 'remove it: bantin reads only regular files (a pipe or device would make the build wait for ever)';

/**
 * The bytes of a regular file of at most `limit` bytes; throws UnreadableFile for a folder, a FIFO,
 * socket or device, or a file too large. Opened without blocking, so a FIFO is refused rather than
 * waited on, and checked on the open file itself, so a swap between a check and the read cannot slip by.
 */
export function readRegularFile(abs: string, limit = TEXT_LIMIT) {
  let fd: number;
  try {
    fd = openSync(abs, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // A socket cannot be opened at all.
    if (code === 'ENXIO') throw new UnreadableFile('this is a socket, not a file', SPECIAL_HINT);
    throw err;
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new UnreadableFile('this is a folder where a file was expected', 'rename the folder, or replace it (or the symbolic link to it) with a file');
    const special = specialKind(st);
    if (special) throw new UnreadableFile(`this is ${special}, not a file`, SPECIAL_HINT);
    if (st.size > limit) {
      throw new UnreadableFile(`the file is too large (${Math.ceil(st.size / 1048576)} MB; bantin reads text files up to ${limit / 1048576} MB)`, 'split it into smaller files, or check that it is the file you meant');
    }
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}
