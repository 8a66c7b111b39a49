import { drawPng, hsl, pictureMemo } from '../training/png';
import type { SimRequest, SimResponse, Simulator } from '../training/simulator';
import { hasOptimizedSizes, TRAINING_IMAGE_PATH } from './inventory-images';
import { mix } from './inventory-sim-items';
import type { SimInventoryStore } from './inventory-sim-store';

export const IMAGES_SIMULATOR_ID = 'simpleconsign-images';

/** Widths of SimpleConsign's optimized JPEG sizes; originals are drawn 800 wide. */
const widths: Record<string, number> = { thumbnail: 125, small: 300, medium: 600, large: 900 };
const ORIGINAL_WIDTH = 800;

const memo = pictureMemo(2_000);

/** A small picture unique to the image name and width: a coloured card with a disc, as a raster image. */
export function drawImage(name: string, width: number): Buffer {
  return memo(`${width}/${name}`, () => {
    const h = mix([...name].reduce((a, c) => Math.imul(a, 31) + c.charCodeAt(0), 7));
    const hue = h % 360;
    const height = Math.round(width * 0.75);
    const card = hsl(hue, 0.55, 0.78);
    const disc = hsl((hue + 180) % 360, 0.45, 0.45);
    const r2 = (height * 0.22) ** 2;
    return drawPng(width, height, (x, y) => ((x - width * 0.5) ** 2 + (y - height * 0.42) ** 2 <= r2 ? disc : card));
  });
}

/**
 * SimpleConsign's image store for training: `<size>/<name>` for JPEGs (thumbnail, small, medium,
 * large) and `<name>` for originals, like https://s3.amazonaws.com/image.traxia.com, drawn as PNG.
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
    const picture = drawImage(name, size === null ? ORIGINAL_WIDTH : widths[size]);
    return { status: 200, body: picture, headers: { 'Content-Type': 'image/png', 'Cache-Control': 'max-age=3600' } };
  }
}
