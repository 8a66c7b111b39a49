import zlib from 'node:zlib';

export type Rgb = [number, number, number];

/** An HSL colour (hue in degrees, saturation and lightness 0–1) as RGB bytes. */
export function hsl(hue: number, sat: number, light: number): Rgb {
  const a = sat * Math.min(light, 1 - light);
  const f = (n: number) => {
    const k = (n + hue / 30) % 12;
    return Math.round(255 * (light - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * PNG bytes of an RGB picture drawn pixel by pixel: the simulators' stand-ins for vendors' photos.
 * A raster image, as vendors send, so the window decodes it off its main thread like a real one.
 */
export function drawPng(width: number, height: number, pixel: (x: number, y: number) => Rgb): Buffer {
  const stride = width * 3 + 1;
  const rows = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) rows.set(pixel(x, y), y * stride + 1 + x * 3);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/** Width and height from a PNG's header (for tests and checks). */
export function pngSize(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.length < 24 || bytes.readUInt32BE(0) !== 0x89504e47 || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** A bounded memo of drawn pictures by name: a simulator draws each one once. */
export function pictureMemo(max: number): (key: string, draw: () => Buffer) => Buffer {
  const kept = new Map<string, Buffer>();
  return (key, draw) => {
    const hit = kept.get(key);
    if (hit) return hit;
    const bytes = draw();
    if (kept.size >= max) kept.delete(kept.keys().next().value!);
    kept.set(key, bytes);
    return bytes;
  };
}
