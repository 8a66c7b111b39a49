import type { ImgHTMLAttributes } from 'react';
import { usePicture } from './use-picture';

type ImgProps = Omit<ImgHTMLAttributes<HTMLImageElement>, 'src' | 'alt'>;

/**
 * A vendor's picture, fetched by the app (once per address for the run) and drawn from data: the
 * window's Content-Security-Policy lets no image in from anywhere else. Until it is there (or when
 * it cannot be loaded) a placeholder of the same size stands in, saying which.
 */
export function VendorPicture({ url, alt, delayMs = 0, testId, placeholderClass = 'picture-placeholder', ...img }: ImgProps & { url: string | null | undefined; alt: string; delayMs?: number; testId?: string; placeholderClass?: string }) {
  const picture = usePicture(url, delayMs);
  const box = { className: `${img.className ?? ''} ${placeholderClass}`.trim(), style: { width: img.width, height: img.height, ...img.style } };
  if (!url) return <span {...box} aria-hidden="true" />;
  if (picture.error) return <span {...box} data-state="failed" role="img" title={picture.error instanceof Error ? picture.error.message : undefined} aria-label={alt ? `${alt}: the picture could not be loaded` : 'The picture could not be loaded'} />;
  if (!picture.dataUrl) return <span {...box} data-state="loading" role="img" aria-label={alt ? `${alt}: loading` : 'Loading picture'} />;
  return <img {...img} src={picture.dataUrl} alt={alt} data-testid={testId} data-source={url} />;
}
