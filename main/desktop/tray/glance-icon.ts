/**
 * The tray icon that carries the minutes left (Windows and Linux, where a tray has no title):
 * the number drawn with a 3×5 pixel font at a whole-pixel scale, so it stays crisp at 16 px; a
 * dot once the meeting has started. Drawn at run time: 61 numbers × 2 themes × the sizes would
 * be a lot of files to ship for what is a few hundred bytes of PNG per minute.
 */
import { encodePng } from './png.ts';

/** Each digit is 5 rows of 3 pixels, most significant bit on the left. */
const DIGITS: readonly (readonly number[])[] = [
  [0b111, 0b101, 0b101, 0b101, 0b111],
  [0b010, 0b110, 0b010, 0b010, 0b111],
  [0b111, 0b001, 0b111, 0b100, 0b111],
  [0b111, 0b001, 0b111, 0b001, 0b111],
  [0b101, 0b101, 0b111, 0b001, 0b001],
  [0b111, 0b100, 0b111, 0b001, 0b111],
  [0b111, 0b100, 0b111, 0b101, 0b111],
  [0b111, 0b001, 0b001, 0b001, 0b001],
  [0b111, 0b101, 0b111, 0b101, 0b111],
  [0b111, 0b101, 0b111, 0b001, 0b111],
];
const DIGIT_WIDTH = 3;
const DIGIT_HEIGHT = 5;
/** Supersampling for the dot's edge (4 × 4 samples per pixel). */
const SAMPLES = 4;

/**
 * Coverage (0–255) of each pixel of a `size`×`size` icon for `minutes` (0–99; 0 draws the
 * "started" dot). Two digits and their one-digit gap fill most of the width at any size.
 */
export function glanceIconCoverage(minutes: number, size: number): Uint8Array {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > 99)
    throw new RangeError(`the icon shows 0–99 minutes, not ${minutes}`);
  const coverage = new Uint8Array(size * size);
  if (minutes === 0) {
    drawDot(coverage, size);
    return coverage;
  }
  const digits = String(minutes).split('').map(Number);
  const scale = Math.max(1, Math.floor(size / 8));
  const width = (digits.length * (DIGIT_WIDTH + 1) - 1) * scale;
  const left = Math.floor((size - width) / 2);
  const top = Math.floor((size - DIGIT_HEIGHT * scale) / 2);
  digits.forEach((digit, n) => {
    const rows = DIGITS[digit]!;
    const x0 = left + n * (DIGIT_WIDTH + 1) * scale;
    for (let row = 0; row < DIGIT_HEIGHT; row += 1)
      for (let col = 0; col < DIGIT_WIDTH; col += 1)
        if ((rows[row]! >> (DIGIT_WIDTH - 1 - col)) & 1)
          fill(coverage, size, x0 + col * scale, top + row * scale, scale);
  });
  return coverage;
}

function fill(coverage: Uint8Array, size: number, x: number, y: number, scale: number): void {
  for (let dy = 0; dy < scale; dy += 1)
    for (let dx = 0; dx < scale; dx += 1) coverage[(y + dy) * size + x + dx] = 255;
}

function drawDot(coverage: Uint8Array, size: number): void {
  const radius = size * 0.3;
  const centre = size / 2;
  for (let y = 0; y < size; y += 1)
    for (let x = 0; x < size; x += 1) {
      let hits = 0;
      for (let s = 0; s < SAMPLES * SAMPLES; s += 1) {
        const sx = x + ((s % SAMPLES) + 0.5) / SAMPLES;
        const sy = y + (Math.floor(s / SAMPLES) + 0.5) / SAMPLES;
        if (Math.hypot(sx - centre, sy - centre) <= radius) hits += 1;
      }
      coverage[y * size + x] = Math.round((hits / (SAMPLES * SAMPLES)) * 255);
    }
}

/** The icon as a PNG in one colour (the glyph colour of the theme) over transparency. */
export function glanceIconPng(
  minutes: number,
  size: number,
  [red, green, blue]: readonly [number, number, number],
): Buffer {
  const coverage = glanceIconCoverage(minutes, size);
  const rgba = new Uint8Array(size * size * 4);
  coverage.forEach((alpha, i) => rgba.set([red, green, blue, alpha], i * 4));
  return encodePng(size, size, rgba);
}
