#!/usr/bin/env node
/*
 * Writes the add-in icons (assets/icon-<size>.png) without any image library:
 * three stacked, left-aligned bars of decreasing width (an ABC tier chart) in
 * Fluent blue #0F6CBD on a transparent background.
 *
 * Bars are snapped to whole pixels so the small sizes stay crisp; only the
 * rounded corners are anti-aliased (4x4 supersampling). The output is
 * deterministic: running the script again produces the same bytes.
 *
 * Usage: node scripts/make-icons.js   (or: npm run icons)
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const SIZES = [16, 32, 64, 80, 128];
const COLOR = [0x0f, 0x6c, 0xbd];
const BAR_WIDTHS = [1, 0.68, 0.38]; // fraction of the drawable width, top to bottom
const SUPERSAMPLE = 4;
const OUT_DIR = path.join(__dirname, '..', 'assets');

/** Pixel-snapped bar rectangles for one icon size. */
function layout(size) {
  const margin = Math.max(1, Math.round(size * 0.125));
  const inner = size - 2 * margin;
  const gap = Math.max(1, Math.round(inner * 0.1));
  const barHeight = Math.floor((inner - 2 * gap) / 3);
  const used = 3 * barHeight + 2 * gap;
  const top = margin + Math.floor((inner - used) / 2);
  const radius = barHeight * 0.22;
  return BAR_WIDTHS.map((fraction, i) => ({
    x: margin,
    y: top + i * (barHeight + gap),
    w: Math.max(barHeight, Math.round(inner * fraction)),
    h: barHeight,
    r: radius,
  }));
}

/** True when point (px, py) lies inside the rounded rectangle. */
function insideRoundedRect(px, py, { x, y, w, h, r }) {
  if (px < x || px > x + w || py < y || py > y + h) return false;
  const cx = Math.min(Math.max(px, x + r), x + w - r);
  const cy = Math.min(Math.max(py, y + r), y + h - r);
  const dx = px - cx;
  const dy = py - cy;
  return dx * dx + dy * dy <= r * r;
}

/** RGBA pixels, row-major. */
function render(size) {
  const bars = layout(size);
  const rgba = Buffer.alloc(size * size * 4);
  const samples = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = px + (sx + 0.5) / SUPERSAMPLE;
          const y = py + (sy + 0.5) / SUPERSAMPLE;
          if (bars.some((bar) => insideRoundedRect(x, y, bar))) hits++;
        }
      }
      const o = (py * size + px) * 4;
      if (hits > 0) {
        rgba[o] = COLOR[0];
        rgba[o + 1] = COLOR[1];
        rgba[o + 2] = COLOR[2];
        rgba[o + 3] = Math.round((255 * hits) / samples);
      }
    }
  }
  return rgba;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** Encodes 8-bit RGBA pixels as a PNG (colour type 6, no interlace, filter 0 on every row). */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: truecolour with alpha
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(OUT_DIR, `icon-${size}.png`);
    const png = encodePng(size, size, render(size));
    fs.writeFileSync(file, png);
    console.log(`${path.relative(process.cwd(), file)}  ${size}x${size}  ${png.length} bytes`);
  }
}

if (require.main === module) main();

module.exports = { layout, encodePng, render, SIZES };
