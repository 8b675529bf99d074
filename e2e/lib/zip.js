// A small reader for .zip files (a .vsix is one): lists entries and extracts them. Stored and
// deflated entries only, which is all vsce writes. No dependencies.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

/** Entries of the zip at `file`: [{ name, size, read() }] in central-directory order. */
function readZip(file) {
  const buf = fs.readFileSync(file);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error(`${file}: no end-of-central-directory record`);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: bad central directory entry ${i}`);
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    entries.push({
      name,
      size,
      read() {
        const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
        const data = buf.subarray(start, start + compressed);
        if (method === 0) return Buffer.from(data);
        if (method === 8) return zlib.inflateRawSync(data);
        throw new Error(`${name}: compression method ${method} not supported`);
      },
    });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Extracts the entries under `prefix` (e.g. "extension/") into `dir`, without the prefix. */
function extract(file, prefix, dir) {
  for (const entry of readZip(file)) {
    if (!entry.name.startsWith(prefix) || entry.name.endsWith('/')) continue;
    const out = path.join(dir, entry.name.slice(prefix.length));
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, entry.read());
  }
}

module.exports = { readZip, extract };
