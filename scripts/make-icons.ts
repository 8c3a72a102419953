import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

/**
 * `npm run icons`: draws the app icon (a loyalty card on a green rounded square) and writes
 * resources/icons/512x512.png, 256x256.png (Linux icon set: electron-builder reads the sizes
 * from the names) and icon.ico (Windows: PNG-compressed 16, 32, 48 and 256 px images), with
 * Node's built-ins only (zlib for PNG's deflate). Shapes are signed-distance functions,
 * anti-aliased by 4×4 supersampling. Deterministic: the same bytes on every run.
 */
type Rgba = readonly [number, number, number, number];

const GREEN: Rgba = [31, 111, 92, 255];
const CARD: Rgba = [255, 255, 255, 255];
const STRIPE: Rgba = [242, 178, 51, 255];
const DOT: Rgba = [31, 111, 92, 255];

/** Distance from (x, y) to a rounded rectangle centred at (cx, cy); negative inside. */
function roundedRect(
  x: number,
  y: number,
  cx: number,
  cy: number,
  halfW: number,
  halfH: number,
  radius: number,
): number {
  const qx = Math.abs(x - cx) - halfW + radius;
  const qy = Math.abs(y - cy) - halfH + radius;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

/** The colour at a point of the unit square (0..1), later layers on top. */
function colourAt(x: number, y: number): Rgba | null {
  let colour: Rgba | null = null;
  if (roundedRect(x, y, 0.5, 0.5, 0.47, 0.47, 0.1) <= 0) colour = GREEN;
  if (roundedRect(x, y, 0.5, 0.52, 0.34, 0.22, 0.04) <= 0) colour = CARD;
  if (roundedRect(x, y, 0.5, 0.4, 0.34, 0.045, 0) <= 0) colour = STRIPE;
  if (Math.hypot(x - 0.68, y - 0.6) <= 0.07) colour = DOT;
  return colour;
}

function render(size: number): Buffer {
  const samples = 4;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = colourAt(
            (px + (sx + 0.5) / samples) / size,
            (py + (sy + 0.5) / samples) / size,
          );
          if (!c) continue;
          // Premultiplied sums, so edges blend with transparency correctly.
          for (let i = 0; i < 3; i++) sum[i] = (sum[i] ?? 0) + (c[i] ?? 0) * (c[3] / 255);
          sum[3] = (sum[3] ?? 0) + c[3];
        }
      }
      const n = samples * samples;
      const alpha = (sum[3] ?? 0) / n;
      const offset = (py * size + px) * 4;
      for (let i = 0; i < 3; i++)
        pixels[offset + i] = alpha === 0 ? 0 : Math.round(((sum[i] ?? 0) / n) * (255 / alpha));
      pixels[offset + 3] = Math.round(alpha);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A truecolour-with-alpha PNG (colour type 6, 8 bits), one filter-0 byte per row. */
export function encodePng(size: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++)
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An ICO whose images are PNGs (allowed since Windows Vista; a width/height byte 0 = 256). */
export function encodeIco(images: readonly { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)]);
}

const outDir = path.resolve(import.meta.dirname, '..', 'resources', 'icons');
mkdirSync(outDir, { recursive: true });
const png = (size: number): Buffer => encodePng(size, render(size));
for (const size of [512, 256])
  writeFileSync(path.join(outDir, `${String(size)}x${String(size)}.png`), png(size));
writeFileSync(
  path.join(outDir, 'icon.ico'),
  encodeIco([16, 32, 48, 256].map((size) => ({ size, png: png(size) }))),
);
console.log(`Icons written to ${path.relative(process.cwd(), outDir)}/`);
