// Draws the Marketplace icon images/icon.png (128×128): a pressure gauge over a pool of water,
// navy and teal with an amber needle. Pure Node (zlib for the PNG); run: node scripts/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SS = 4; // supersamples per axis, for smooth edges

const NAVY = [22, 44, 78];
const TEAL = [38, 190, 178];
const AMBER = [255, 183, 3];
const WHITE = [240, 246, 250];

/** Colour of one sample point (x, y in pixels), as [r, g, b, a] with a in 0..1. */
function sample(x, y) {
  // rounded-square background
  const r = 24, c = SIZE / 2, half = SIZE / 2 - 2;
  const qx = Math.max(Math.abs(x - c) - (half - r), 0), qy = Math.max(Math.abs(y - c) - (half - r), 0);
  if (Math.hypot(qx, qy) > r) return [0, 0, 0, 0];
  let col = NAVY;
  // the pool: two waves across the lower part
  const wave = (y0) => y0 + 4 * Math.sin((x / SIZE) * Math.PI * 3);
  if (y > wave(98)) col = mix(NAVY, TEAL, 0.55);
  if (y > wave(108)) col = mix(NAVY, TEAL, 0.85);
  // gauge arc: 200° ring, teal fading into amber towards the high end
  const gx = 64, gy = 70, dist = Math.hypot(x - gx, y - gy);
  const ang = Math.atan2(gy - y, x - gx); // 0 = right, π/2 = up
  const start = Math.PI + 0.17, end = -0.17; // from left-below-horizontal to right-below-horizontal
  const t = (start - (ang < -Math.PI / 2 ? ang + 2 * Math.PI : ang)) / (start - end);
  if (dist > 38 && dist < 48 && t >= 0 && t <= 1) col = t > 0.78 ? AMBER : mix(TEAL, WHITE, 0.15);
  // tick marks inside the arc
  for (let i = 0; i <= 6; i++) {
    const a = start - (i / 6) * (start - end);
    const tx = Math.cos(a), ty = -Math.sin(a);
    const along = (x - gx) * tx + (y - gy) * ty;
    const across = Math.abs((x - gx) * -ty + (y - gy) * tx);
    if (along > 28 && along < 34 && across < 1.6) col = WHITE;
  }
  // needle pointing into the amber zone, and its hub
  const na = start - 0.84 * (start - end);
  const ux = Math.cos(na), uy = -Math.sin(na);
  const along = (x - gx) * ux + (y - gy) * uy;
  const across = Math.abs((x - gx) * -uy + (y - gy) * ux);
  if (along > -6 && along < 40 && across < 3.2 * (1 - along / 48)) col = AMBER;
  if (dist < 8) col = WHITE;
  if (dist < 3.5) col = NAVY;
  return [...col, 1];
}

function mix(a, b, t) {
  return a.map((v, i) => Math.round(v + (b[i] - v) * t));
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let py = 0; py < SIZE; py++) {
  raw[py * (SIZE * 4 + 1)] = 0; // filter: none
  for (let px = 0; px < SIZE; px++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < SS; sy++) for (let sx = 0; sx < SS; sx++) {
      const [cr, cg, cb, ca] = sample(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS);
      r += cr * ca; g += cg * ca; b += cb * ca; a += ca;
    }
    const o = py * (SIZE * 4 + 1) + 1 + px * 4;
    raw[o] = a ? Math.round(r / a) : 0; raw[o + 1] = a ? Math.round(g / a) : 0; raw[o + 2] = a ? Math.round(b / a) : 0;
    raw[o + 3] = Math.round((a / (SS * SS)) * 255);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => { let c = 0xffffffff; for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
function chunk(type, data) {
  const head = Buffer.alloc(8); head.writeUInt32BE(data.length, 0); head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0); ihdr.writeUInt32BE(SIZE, 4); ihdr[8] = 8; ihdr[9] = 6; // 8-bit RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0)),
]);
const out = new URL('../images/icon.png', import.meta.url);
writeFileSync(out, png);
console.log(`wrote ${out.pathname} (${png.length} bytes)`);
