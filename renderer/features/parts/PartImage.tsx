import { useEffect, useState } from 'react';
import { useImage } from './queries';

/** Thumbnails are asked for this long after their row appears, once the rows are on screen: the text first, then the pictures. */
export const THUMBNAIL_DELAY_MS = 30;

/** True once `delayMs` has passed since the component first appeared (at once when there is no delay). */
function useSettled(delayMs: number): boolean {
  const [settled, setSettled] = useState(delayMs === 0);
  useEffect(() => {
    if (delayMs === 0) return;
    const timer = setTimeout(() => setSettled(true), delayMs);
    return () => clearTimeout(timer);
  }, [delayMs]);
  return settled;
}

/**
 * A vendor picture: fetched by the main process and shown from data, so the window loads nothing
 * from elsewhere. `delayMs` asks for it only once its row has stood that long (a page of results
 * shows its rows first, then its thumbnails, in one call).
 */
export function PartImage({ url, alt, className, testId, delayMs = 0 }: { url: string | undefined; alt: string; className?: string; testId?: string; delayMs?: number }) {
  const painted = useSettled(delayMs);
  const img = useImage(painted ? url : undefined);
  if (!url) return <span className={`${className ?? ''} part-image-none`} aria-hidden="true" />;
  if (img.isError) return <span className={`${className ?? ''} part-image-none`} title={img.error instanceof Error ? img.error.message : ''} aria-label="Picture could not be loaded" />;
  if (!img.data || !painted) return <span className={`${className ?? ''} part-image-loading`} aria-label="Loading picture" />;
  return <img src={img.data.dataUrl} alt={alt} className={className} data-testid={testId} />;
}
