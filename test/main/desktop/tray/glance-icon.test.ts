import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { glanceIconCoverage, glanceIconPng } from '../../../../main/desktop/tray/glance-icon.ts';

/** Reads back an 8-bit RGBA PNG with filter 0 rows, checking every chunk's CRC. */
function decodePng(png: Buffer) {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const chunks = new Map<string, Buffer>();
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const typeAndData = png.subarray(at + 4, at + 8 + length);
    expect(png.readUInt32BE(at + 8 + length)).toBe(crc32(typeAndData));
    chunks.set(typeAndData.subarray(0, 4).toString('ascii'), typeAndData.subarray(4));
    at += length + 12;
  }
  const header = chunks.get('IHDR')!;
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  expect([...header.subarray(8)]).toEqual([8, 6, 0, 0, 0]);
  expect(chunks.has('IEND')).toBe(true);
  const rows = inflateSync(chunks.get('IDAT')!);
  const rgba = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    expect(rows[y * (width * 4 + 1)]).toBe(0);
    rows.copy(rgba, y * width * 4, y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1));
  }
  return { width, height, rgba };
}

/** The coverage as text, `#` for ink, so a test shows the drawing. */
function picture(coverage: Uint8Array, size: number): string[] {
  return Array.from({ length: size }, (_, y) =>
    Array.from(coverage.subarray(y * size, (y + 1) * size), (a) => (a > 127 ? '#' : '.')).join(''),
  );
}

describe('the minutes-left tray icon', () => {
  it('draws the number with the pixel font, centred', () => {
    expect(picture(glanceIconCoverage(18, 8), 8)).toEqual([
      '........',
      '.#..###.',
      '##..#.#.',
      '.#..###.',
      '.#..#.#.',
      '###.###.',
      '........',
      '........',
    ]);
  });

  it('scales the font by whole pixels: two digits fill 14 of 16 and 28 of 32 pixels', () => {
    for (const [size, inked] of [
      [16, [1, 14]],
      [32, [2, 29]],
    ] as const) {
      const rows = picture(glanceIconCoverage(48, size), size);
      const columns = rows.reduce((found, row) => {
        [...row].forEach((c, x) => c === '#' && found.add(x));
        return found;
      }, new Set<number>());
      expect([Math.min(...columns), Math.max(...columns)]).toEqual(inked);
      expect(rows.every((row) => /^[.#]+$/u.test(row))).toBe(true);
    }
  });

  it('draws each number differently, and a round dot for "started"', () => {
    const drawings = new Set(
      Array.from({ length: 61 }, (_, m) => picture(glanceIconCoverage(m, 16), 16).join('\n')),
    );
    expect(drawings.size).toBe(61);
    const dot = glanceIconCoverage(0, 16);
    expect(dot[8 * 16 + 8]).toBe(255);
    expect(dot[0]).toBe(0);
    expect([...dot].some((a) => a > 0 && a < 255)).toBe(true); // an anti-aliased edge
  });

  it('refuses what it cannot draw in two digits', () => {
    expect(() => glanceIconCoverage(100, 16)).toThrow(RangeError);
    expect(() => glanceIconCoverage(-1, 16)).toThrow(RangeError);
    expect(() => glanceIconCoverage(2.5, 16)).toThrow(RangeError);
  });

  it('encodes a valid PNG: the glyph colour everywhere, the coverage as alpha', () => {
    const coverage = glanceIconCoverage(25, 32);
    const { width, height, rgba } = decodePng(glanceIconPng(25, 32, [255, 255, 255]));
    expect([width, height]).toEqual([32, 32]);
    for (let i = 0; i < width * height; i += 1) {
      expect([...rgba.subarray(i * 4, i * 4 + 4)]).toEqual([255, 255, 255, coverage[i]]);
    }
  });
});
