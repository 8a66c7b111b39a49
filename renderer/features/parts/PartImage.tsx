import { usePicture } from '../../ui/use-picture';

/** Thumbnails are asked for this long after their row appears, once the rows are on screen: the text first, then the pictures. */
export const THUMBNAIL_DELAY_MS = 30;

/**
 * A vendor picture: fetched by the app and shown from data, so the window loads nothing from
 * elsewhere. `delayMs` asks for it only once its row has stood that long (a page of results shows
 * its rows first, then its thumbnails, in one call).
 */
export function PartImage({ url, alt, className, testId, delayMs = 0 }: { url: string | undefined; alt: string; className?: string; testId?: string; delayMs?: number }) {
  const picture = usePicture(url, delayMs);
  if (!url) return <span className={`${className ?? ''} part-image-none`} aria-hidden="true" />;
  if (picture.error) return <span className={`${className ?? ''} part-image-none`} title={picture.error instanceof Error ? picture.error.message : ''} role="img" aria-label="Picture could not be loaded" />;
  if (!picture.dataUrl) return <span className={`${className ?? ''} part-image-loading`} role="img" aria-label="Loading picture" />;
  return <img src={picture.dataUrl} alt={alt} className={className} data-testid={testId} data-source={url} />;
}
