// Generates the app and tray icons in assets/ (committed; re-run after changing the drawing):
//   node scripts/make-icons.mjs
// A calendar glyph is drawn with signed distances and 4×4 supersampling, encoded as RGBA PNG
// with zlib, and wrapped into ICO (PNG entries, supported since Windows Vista) for Windows.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const out = fileURLToPath(new URL('../assets/', import.meta.url));
mkdirSync(out, { recursive: true });

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
function encodeIco(pngs) {
  const header = Buffer.alloc(6 + pngs.length * 16);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(pngs.length, 4);
  let offset = header.length;
  pngs.forEach(({ size, data }, i) => {
    const at = 6 + i * 16;
    header[at] = size >= 256 ? 0 : size;
    header[at + 1] = size >= 256 ? 0 : size;
    header.writeUInt16LE(1, at + 4); // planes
    header.writeUInt16LE(32, at + 6); // bits per pixel
    header.writeUInt32LE(data.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...pngs.map((p) => p.data)]);
}

// --- the glyph: a calendar page with a header band, two binder rings and a dot ---------
function roundedRect(x, y, left, top, right, bottom, radius) {
  const cx = Math.max(left + radius - x, 0, x - (right - radius));
  const cy = Math.max(top + radius - y, 0, y - (bottom - radius));
  return Math.hypot(cx, cy) <= radius && x >= left && x <= right && y >= top && y <= bottom;
}
function glyph(x, y) {
  const stroke = 0.085;
  const outer = roundedRect(x, y, 0.1, 0.17, 0.9, 0.9, 0.13);
  const inner = roundedRect(
    x,
    y,
    0.1 + stroke,
    0.17 + stroke,
    0.9 - stroke,
    0.9 - stroke,
    0.13 - stroke,
  );
  const band = outer && y <= 0.37;
  const rings =
    roundedRect(x, y, 0.27, 0.06, 0.36, 0.27, 0.045) ||
    roundedRect(x, y, 0.64, 0.06, 0.73, 0.27, 0.045);
  const dot = Math.hypot(x - 0.5, y - 0.64) <= 0.12;
  return (outer && !inner) || band || rings || dot;
}
function coverage(size, px, py, scale = 1) {
  let hits = 0;
  for (let sy = 0; sy < 4; sy += 1) {
    for (let sx = 0; sx < 4; sx += 1) {
      const x = ((px + (sx + 0.5) / 4) / size - 0.5) / scale + 0.5;
      const y = ((py + (sy + 0.5) / 4) / size - 0.5) / scale + 0.5;
      if (x >= 0 && x <= 1 && y >= 0 && y <= 1 && glyph(x, y)) hits += 1;
    }
  }
  return hits / 16;
}
function trayImage(size, [r, g, b]) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      rgba.set([r, g, b, Math.round(coverage(size, x, y) * 255)], (y * size + x) * 4);
    }
  }
  return encodePng(size, rgba);
}
function appImage(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const blue = [0x2d, 0x8c, 0xff];
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      let bg = 0;
      for (let s = 0; s < 16; s += 1) {
        const u = (x + ((s % 4) + 0.5) / 4) / size;
        const v = (y + (Math.floor(s / 4) + 0.5) / 4) / size;
        if (roundedRect(u, v, 0.04, 0.04, 0.96, 0.96, 0.22)) bg += 1;
      }
      const fg = coverage(size, x, y, 0.62);
      const alpha = bg / 16;
      const mix = (c) => Math.round(c * (1 - fg) + 255 * fg);
      rgba.set(
        [mix(blue[0]), mix(blue[1]), mix(blue[2]), Math.round(alpha * 255)],
        (y * size + x) * 4,
      );
    }
  }
  return encodePng(size, rgba);
}

const black = [0, 0, 0];
const white = [255, 255, 255];
const files = {
  // macOS: template images (black + alpha), 16 pt and @2x; the OS tints them.
  'trayTemplate.png': trayImage(16, black),
  'trayTemplate@2x.png': trayImage(32, black),
  // Linux: the panel does not tint, so one glyph per theme.
  'tray-on-light.png': trayImage(32, black),
  'tray-on-dark.png': trayImage(32, white),
  // Windows: ICO with 16 and 32 px entries.
  'tray-on-light.ico': encodeIco([16, 32].map((size) => ({ size, data: trayImage(size, black) }))),
  'tray-on-dark.ico': encodeIco([16, 32].map((size) => ({ size, data: trayImage(size, white) }))),
  // Application icons for the installers (electron-builder makes .icns from the 1024 png).
  'icon.png': appImage(1024),
  'icon.ico': encodeIco([16, 32, 48, 256].map((size) => ({ size, data: appImage(size) }))),
};
for (const [name, data] of Object.entries(files)) {
  writeFileSync(join(out, name), data);
  console.log(`assets/${name}: ${data.length} bytes`);
}
