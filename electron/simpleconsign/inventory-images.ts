import type { ResolvedConnection } from '../core/feature-connections';

/** SimpleConsign's image store over https, as its document gives it. */
export const LIVE_IMAGE_BASE = 'https://s3.amazonaws.com/image.traxia.com';

/** Under the SimpleConsign simulator prefix; mirrors `<size>/<name>` and `<name>` like the live store. */
export const TRAINING_IMAGE_PATH = '/images';

export type ImageSize = 'thumbnail' | 'small' | 'medium' | 'large';

/**
 * Where item pictures come from for this connection: the live image store, or in training the
 * simulator host next to the inventory simulator, so pictures show without the internet.
 */
export function imageBaseFor(conn: Pick<ResolvedConnection<'simpleconsign'>, 'training' | 'settings'>): string {
  return conn.training ? `${conn.settings.baseUrl.replace(/\/+$/, '')}${TRAINING_IMAGE_PATH}` : LIVE_IMAGE_BASE;
}

/** Only JPEG originals get optimized sizes; other types are served as uploaded. */
export function hasOptimizedSizes(name: string): boolean {
  return /\.jpe?g$/i.test(name);
}

const encodeName = (name: string) => name.split('/').map(encodeURIComponent).join('/');

export function originalImageUrl(base: string, name: string): string {
  return `${base}/${encodeName(name)}`;
}

/** The optimized size when there is one, else the original. */
export function imageUrl(base: string, name: string, size: ImageSize): string {
  return hasOptimizedSizes(name) ? `${base}/${size}/${encodeName(name)}` : originalImageUrl(base, name);
}

export function imageSet(base: string, name: string) {
  return { name, thumbnailUrl: imageUrl(base, name, 'thumbnail'), largeUrl: imageUrl(base, name, 'medium'), originalUrl: originalImageUrl(base, name) };
}
