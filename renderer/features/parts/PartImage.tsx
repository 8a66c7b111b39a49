import { VendorPicture } from '../../ui/VendorPicture';

/** Thumbnails are asked for this long after their row appears, once the rows are on screen: the text first, then the pictures. */
export const THUMBNAIL_DELAY_MS = 30;

/**
 * A HeavyTruckParts picture, fetched by the app and shown from data. `delayMs` asks for it only once
 * its row has stood that long (a page of results shows its rows first, then its thumbnails, in one call).
 */
export function PartImage({ url, alt, className, testId, delayMs = 0 }: { url: string | undefined; alt: string; className?: string; testId?: string; delayMs?: number }) {
  return <VendorPicture url={url} alt={alt} className={className} testId={testId} delayMs={delayMs} placeholderClass="part-image-none" />;
}
