import type { SimRequest, SimResponse, Simulator } from '../training/simulator';
import { hasOptimizedSizes, TRAINING_IMAGE_PATH } from './inventory-images';
import { mix } from './inventory-sim-items';
import type { SimInventoryStore } from './inventory-sim-store';

export const IMAGES_SIMULATOR_ID = 'simpleconsign-images';

/** Widths of SimpleConsign's optimized JPEG sizes; originals are drawn 800 wide. */
const widths: Record<string, number> = { thumbnail: 125, small: 300, medium: 600, large: 900 };
const ORIGINAL_WIDTH = 800;

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A small picture unique to the image name: a coloured card with the item's SKU. */
export function drawImage(name: string, width: number): string {
  const h = mix([...name].reduce((a, c) => Math.imul(a, 31) + c.charCodeAt(0), 7));
  const hue = h % 360;
  const height = Math.round(width * 0.75);
  const label = escapeXml(name.replace(/\.[^.]+$/, '').toUpperCase());
  const font = Math.max(10, Math.round(width / 9));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="100%" height="100%" fill="hsl(${hue},55%,78%)"/>`,
    `<circle cx="${width * 0.5}" cy="${height * 0.42}" r="${height * 0.22}" fill="hsl(${(hue + 180) % 360},45%,45%)"/>`,
    `<text x="50%" y="${height * 0.86}" font-family="sans-serif" font-size="${font}" text-anchor="middle" fill="#1d2330">${label}</text>`,
    '</svg>',
  ].join('');
}

/**
 * SimpleConsign's image store for training: `<size>/<name>` for JPEGs (thumbnail, small, medium,
 * large) and `<name>` for originals, like https://s3.amazonaws.com/image.traxia.com, drawn as SVG.
 */
export class SimpleConsignImagesSimulator implements Simulator {
  readonly id = IMAGES_SIMULATOR_ID;
  readonly name = 'SimpleConsign images';
  constructor(
    private readonly store: SimInventoryStore,
    readonly prefix = `/simpleconsign${TRAINING_IMAGE_PATH}`,
  ) {}

  reset(): void {}

  handle(req: SimRequest): SimResponse {
    if (req.method !== 'GET' && req.method !== 'HEAD') return { status: 405, body: 'Method not allowed' };
    const parts = req.path.split('/').filter(Boolean).map(decodeURIComponent);
    const [size, name] = parts.length === 2 ? parts : [null, parts[0]];
    const notFound: SimResponse = { status: 404, body: 'Not found' };
    if (!name || parts.length > 2 || !this.store.hasImage(name)) return notFound;
    if (size !== null && (!(size in widths) || !hasOptimizedSizes(name))) return notFound;
    const svg = drawImage(name, size === null ? ORIGINAL_WIDTH : widths[size]);
    return { status: 200, body: svg, headers: { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'max-age=3600' } };
  }
}
