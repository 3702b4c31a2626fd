import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { createImageSizer, readImageSize } from '../src/markdown/images.js';
import { createMarkdown, imageSizesHold, type LinkTargets, type RenderedMarkdown } from '../src/markdown/markdown.js';
import type { SiteConfig } from '../src/base/types.js';
import { tempDir } from './helpers.js';

// Tiny but complete images, made here so the test shows exactly what bytes are read. Each decodes
// in an image viewer (checked with ImageMagick's `identify` when written).

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function u16be(n: number): Buffer {
  return Buffer.from([n >> 8, n & 0xff]);
}

/** A grey PNG. */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, no interlace
  const rows = Buffer.alloc((width + 1) * height, 0x80);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0; // filter byte: none
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A grey baseline JPEG: one component, Huffman tables with a single 1-bit code each, so every 8×8
 * block is "DC unchanged, end of block" = two 0 bits. `orientation` adds an EXIF block.
 */
function jpeg(width: number, height: number, orientation?: number): Buffer {
  const segment = (marker: number, data: Buffer) => Buffer.concat([Buffer.from([0xff, marker]), u16be(data.length + 2), data]);
  const parts = [Buffer.from([0xff, 0xd8])];
  if (orientation !== undefined) {
    const tiff = Buffer.concat([
      Buffer.from('MM\0*', 'latin1'), Buffer.from([0, 0, 0, 8]), // big-endian, first IFD at 8
      u16be(1), u16be(0x0112), u16be(3), Buffer.from([0, 0, 0, 1]), u16be(orientation), u16be(0), // one SHORT
      Buffer.from([0, 0, 0, 0]),
    ]);
    parts.push(segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff])));
  }
  const oneCode = (tableClass: number) => Buffer.concat([Buffer.from([tableClass << 4, 1]), Buffer.alloc(15), Buffer.from([0])]);
  parts.push(
    segment(0xdb, Buffer.concat([Buffer.from([0]), Buffer.alloc(64, 1)])),
    segment(0xc0, Buffer.concat([Buffer.from([8]), u16be(height), u16be(width), Buffer.from([1, 1, 0x11, 0])])),
    segment(0xc4, oneCode(0)),
    segment(0xc4, oneCode(1)),
    segment(0xda, Buffer.from([1, 1, 0x00, 0, 63, 0])),
  );
  const bits = 2 * Math.ceil(width / 8) * Math.ceil(height / 8);
  const scan = Buffer.alloc(Math.ceil(bits / 8), 0);
  if (bits % 8) scan[scan.length - 1] = 0xff >> (bits % 8); // pad with 1 bits
  parts.push(scan, Buffer.from([0xff, 0xd9]));
  return Buffer.concat(parts);
}

/** A two-colour GIF filled with colour 0; LZW codes stay 3 bits wide by clearing every 2 pixels. */
function gif(width: number, height: number): Buffer {
  const le = (n: number) => Buffer.from([n & 0xff, n >> 8]);
  const codes: number[] = [];
  for (let i = 0; i < width * height; i += 2) codes.push(4, 0, ...(i + 1 < width * height ? [0] : []));
  codes.push(5);
  const data: number[] = [];
  let acc = 0;
  let n = 0;
  for (const code of codes) {
    acc |= code << n;
    n += 3;
    while (n >= 8) {
      data.push(acc & 0xff);
      acc >>= 8;
      n -= 8;
    }
  }
  if (n) data.push(acc);
  const blocks: number[] = [];
  for (let i = 0; i < data.length; i += 255) blocks.push(Math.min(255, data.length - i), ...data.slice(i, i + 255));
  return Buffer.concat([
    Buffer.from('GIF89a', 'latin1'), le(width), le(height), Buffer.from([0x80, 0, 0, 0, 0, 0, 255, 255, 255]),
    Buffer.from([0x2c]), le(0), le(0), le(width), le(height), Buffer.from([0, 2]), Buffer.from(blocks), Buffer.from([0, 0x3b]),
  ]);
}

/** The header of an extended WebP: the canvas size is all a reader needs. */
function webpHeader(width: number, height: number): Buffer {
  const vp8x = Buffer.alloc(10);
  vp8x.writeUIntLE(width - 1, 4, 3);
  vp8x.writeUIntLE(height - 1, 7, 3);
  const body = Buffer.concat([Buffer.from('WEBPVP8X', 'latin1'), Buffer.from([10, 0, 0, 0]), vp8x]);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(body.length);
  return Buffer.concat([Buffer.from('RIFF', 'latin1'), size, body]);
}

function writeAll(dir: string, files: Record<string, string | Buffer>): void {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
}

describe('readImageSize', () => {
  const dir = tempDir('images');
  writeAll(dir, {
    'a.png': png(3, 2),
    'a.jpg': jpeg(17, 9),
    'turned.jpg': jpeg(17, 9, 6),
    'upside-down.jpg': jpeg(17, 9, 3),
    'a.gif': gif(4, 7),
    'a.webp': webpHeader(640, 427),
    'sized.svg': '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="2in" height="48px"><rect/></svg>',
    'viewbox.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 150"><rect/></svg>',
    'percent.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="100%" height="100%" viewBox="0 0 40 30"/>',
    'width-only.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="200" viewBox="0 0 40 30"/>',
    'no-size.svg': '<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>',
    'tiny-viewbox.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 0.2 0.2"/>',
    'truncated.png': png(3, 2).subarray(0, 20),
    'truncated.jpg': jpeg(17, 9).subarray(0, 30),
    'zero.gif': gif(4, 7).fill(0, 6, 8),
    'empty.png': '',
    'text.png': 'not an image at all',
    'noise.jpg': Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0xff, 0xff, 0x00, 0x01, 0xff]),
    'doc.pdf': '%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n',
    'folder.png/x': '',
  });
  const size = (name: string) => readImageSize(join(dir, name));

  it('reads PNG, JPEG, GIF, WebP and SVG headers', () => {
    expect(size('a.png')).toEqual({ width: 3, height: 2 });
    expect(size('a.jpg')).toEqual({ width: 17, height: 9 });
    expect(size('a.gif')).toEqual({ width: 4, height: 7 });
    expect(size('a.webp')).toEqual({ width: 640, height: 427 });
  });

  it('gives a JPEG turned a quarter by EXIF the size it is shown at', () => {
    expect(size('turned.jpg')).toEqual({ width: 9, height: 17 });
    expect(size('upside-down.jpg')).toEqual({ width: 17, height: 9 });
  });

  it('takes an SVG size from width/height (in CSS units) or else from the viewBox', () => {
    expect(size('sized.svg')).toEqual({ width: 192, height: 48 });
    expect(size('viewbox.svg')).toEqual({ width: 300, height: 150 });
    expect(size('percent.svg')).toEqual({ width: 40, height: 30 });
    expect(size('width-only.svg')).toEqual({ width: 200, height: 150 });
  });

  it('returns null, without throwing, for what has no usable size', () => {
    for (const name of ['no-size.svg', 'tiny-viewbox.svg', 'truncated.png', 'truncated.jpg', 'zero.gif', 'empty.png', 'text.png', 'noise.jpg', 'doc.pdf', 'folder.png', 'missing.png']) {
      expect(size(name), name).toBeNull();
    }
  });
});

describe('createImageSizer', () => {
  it('reads content paths under content/, each file once per sizer', () => {
    const root = tempDir('sizer');
    writeAll(root, { 'content/files/ảnh.png': png(30, 20) });
    const sizer = createImageSizer(root);
    expect(sizer('files/ảnh.png')).toEqual({ width: 30, height: 20 });
    writeAll(root, { 'content/files/ảnh.png': png(60, 40) });
    expect(sizer('files/ảnh.png')).toEqual({ width: 30, height: 20 });
    expect(createImageSizer(root)('files/ảnh.png')).toEqual({ width: 60, height: 40 });
    expect(sizer('files/khong-co.png')).toBeNull();
  });
});

describe('image sizes in Markdown', () => {
  const config = { basePath: '/huyen/', markdown: { html: false, linkify: false, typographer: false } } as SiteConfig;
  const root = tempDir('md-images');
  writeAll(root, {
    'content/files/a.png': png(120, 80),
    'content/files/ảnh hội nghị.jpg': jpeg(64, 48),
    'content/files/hong.png': 'broken',
  });
  const targets = (withSizes = true): LinkTargets => ({
    articles: new Map(),
    assets: new Set(['files/a.png', 'files/ảnh hội nghị.jpg', 'files/hong.png']),
    ...(withSizes ? { imageSize: createImageSizer(root) } : {}),
  });
  const body = [
    '![relative](../files/a.png "Tiêu đề")',
    '![encoded](../files/%E1%BA%A3nh%20h%E1%BB%99i%20ngh%E1%BB%8B.jpg)',
    '![rooted](/files/a.png?v=2)',
    '![external](https://example.gov.vn/anh.png)',
    '![missing](../files/khong-co.png)',
    '![corrupt](../files/hong.png)',
  ].join('\n\n');
  const images = (html: string) => Object.fromEntries(parse(html).querySelectorAll('img').map((img) => [img.getAttribute('alt'), img.attributes]));

  it('adds width and height to images that are files under content/, and loading=lazy to all', () => {
    const result = createMarkdown(config, targets())(body, 'tin-tuc/bai.md');
    const img = images(result.html);
    expect(img.relative).toMatchObject({ src: '/huyen/files/a.png', width: '120', height: '80', loading: 'lazy', title: 'Tiêu đề' });
    expect(img.encoded).toMatchObject({ width: '64', height: '48' });
    expect(img.rooted).toMatchObject({ src: '/huyen/files/a.png?v=2', width: '120', height: '80' });
    for (const alt of ['external', 'missing', 'corrupt']) {
      expect(img[alt], alt).toMatchObject({ loading: 'lazy' });
      expect(img[alt], alt).not.toHaveProperty('width');
      expect(img[alt], alt).not.toHaveProperty('height');
    }
    expect(result.brokenLinks).toEqual(['../files/khong-co.png']);
  });

  it('adds no sizes when no sizer is given', () => {
    const img = images(createMarkdown(config, targets(false))(body, 'tin-tuc/bai.md').html);
    expect(img.relative).toMatchObject({ loading: 'lazy' });
    expect(img.relative).not.toHaveProperty('width');
  });

  it('tells when a cached rendering carries sizes that no longer hold', () => {
    const result = createMarkdown(config, targets())(body, 'tin-tuc/bai.md');
    expect(result.imageSizes).toEqual([
      ['files/a.png', '120x80'], ['files/ảnh hội nghị.jpg', '64x48'], ['files/a.png', '120x80'], ['files/hong.png', ''],
    ]);
    expect(imageSizesHold(result, targets())).toBe(true);
    writeAll(root, { 'content/files/a.png': png(121, 80) });
    expect(imageSizesHold(result, targets())).toBe(false);
    writeAll(root, { 'content/files/a.png': png(120, 80), 'content/files/hong.png': png(5, 5) });
    expect(imageSizesHold(result, targets())).toBe(false);
    writeAll(root, { 'content/files/hong.png': 'broken' });
    expect(imageSizesHold(result, targets())).toBe(true);
    const { imageSizes: _, ...older } = result;
    expect(imageSizesHold(older as RenderedMarkdown, targets())).toBe(false);
  });
});
