// The pixel sizes of images in content/, so pages can give width and height.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { imageSize } from 'image-size';
import { CONTENT_DIR } from '../load/files.js';

export interface ImageSize {
  width: number;
  height: number;
}

/**
 * How much of a file is read. The size sits in the first bytes of every format except JPEG, where
 * the metadata cameras and phones write (EXIF with its own thumbnail, a colour profile) comes before
 * the frame header; 512 KiB is well past that. A JPEG with more gets no size, never a wrong one.
 */
const HEAD_BYTES = 512 * 1024;

/**
 * A size reader for the images under `<root>/content/`, by content path, for one build: each
 * file is read once however many articles show it. Make a new one for each build so a replaced
 * image is read again.
 */
export function createImageSizer(root: string): (contentPath: string) => ImageSize | null {
  const cache = new Map<string, ImageSize | null>();
  return (contentPath) => {
    let size = cache.get(contentPath);
    if (size === undefined) {
      size = readImageSize(join(root, CONTENT_DIR, contentPath));
      cache.set(contentPath, size);
    }
    return size;
  };
}

/**
 * The size an image is displayed at without CSS: PNG, JPEG, GIF, WebP, SVG (width/height or
 * viewBox) and the other formats `image-size` knows. Null, never an exception, for a missing,
 * unreadable, truncated or corrupt file, or one that is not an image: an article with a broken
 * picture still builds, just without the size hint.
 */
export function readImageSize(file: string): ImageSize | null {
  let fd: number | null = null;
  try {
    fd = openSync(file, 'r');
    const length = Math.min(fstatSync(fd).size, HEAD_BYTES);
    const head = Buffer.alloc(length);
    const read = readSync(fd, head, 0, length, 0);
    const found = imageSize(head.subarray(0, read));
    // Browsers turn JPEGs upright by their EXIF orientation, and 5–8 mean a quarter turn.
    const turned = (found.orientation ?? 1) >= 5;
    const width = turned ? found.height : found.width;
    const height = turned ? found.width : found.height;
    // A bad header can yield NaN, 0 or a fraction (an SVG viewBox of `0 0 0.2 0.2`): no hint is
    // better than a wrong one, which would squash the picture.
    return isDimension(width) && isDimension(height) ? { width, height } : null;
  } catch {
    return null;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

function isDimension(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0;
}
