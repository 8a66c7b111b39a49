import zlib from 'node:zlib';

const WIDTH = 240;
const HEIGHT = 180;
const MAX_KEPT = 500;
const kept = new Map<string, Buffer>();

/** An HSL colour as RGB bytes. */
function rgb(hue: number, sat: number, light: number): [number, number, number] {
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

/** PNG bytes of an RGB picture drawn by `pixel`. */
function png(pixel: (x: number, y: number) => [number, number, number]): Buffer {
  const rows = Buffer.alloc((WIDTH * 3 + 1) * HEIGHT);
  for (let y = 0; y < HEIGHT; y++) {
    const at = y * (WIDTH * 3 + 1);
    for (let x = 0; x < WIDTH; x++) rows.set(pixel(x, y), at + 1 + x * 3);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(WIDTH, 0);
  header.writeUInt32BE(HEIGHT, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * A small drawn picture per image name, as a vendor's photo would come (a raster image): a truck
 * part's silhouette on a card whose colours follow the name, so each one differs.
 */
export function drawPartImage(name: string): Buffer {
  const hit = kept.get(name);
  if (hit) return hit;
  let h = 7;
  for (const c of name) h = (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0;
  const hue = h % 360;
  const card = rgb(hue, 0.4, 0.8);
  const body = rgb((hue + 160) % 360, 0.35, 0.4);
  const wheel: [number, number, number] = [51, 51, 51];
  const inWheel = (x: number, y: number, cx: number) => (x - cx) ** 2 + (y - 125) ** 2 <= 400;
  const bytes = png((x, y) => (inWheel(x, y, 80) || inWheel(x, y, 160) ? wheel : x >= 45 && x < 195 && y >= 45 && y < 120 ? body : card));
  if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value!);
  kept.set(name, bytes);
  return bytes;
}
