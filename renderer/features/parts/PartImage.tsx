import { useEffect, useState } from 'react';
import { useImage } from './queries';

/** True once the browser has painted the frame this component first appeared in. */
function useAfterPaint(wait: boolean): boolean {
  const [painted, setPainted] = useState(!wait);
  useEffect(() => {
    if (!wait) return;
    let inner = 0;
    const outer = requestAnimationFrame(() => (inner = requestAnimationFrame(() => setPainted(true))));
    return () => (cancelAnimationFrame(outer), cancelAnimationFrame(inner));
  }, [wait]);
  return painted;
}

/**
 * A vendor picture: fetched by the main process and shown from data, so the window loads nothing
 * from elsewhere. `afterPaint` asks for it only once the text around it is on screen (a page of
 * results shows its rows first, then its thumbnails).
 */
export function PartImage({ url, alt, className, testId, afterPaint = false }: { url: string | undefined; alt: string; className?: string; testId?: string; afterPaint?: boolean }) {
  const painted = useAfterPaint(afterPaint);
  const img = useImage(painted ? url : undefined);
  if (!url) return <span className={`${className ?? ''} part-image-none`} aria-hidden="true" />;
  if (img.isError) return <span className={`${className ?? ''} part-image-none`} title={img.error instanceof Error ? img.error.message : ''} aria-label="Picture could not be loaded" />;
  if (!img.data || !painted) return <span className={`${className ?? ''} part-image-loading`} aria-label="Loading picture" />;
  return <img src={img.data.dataUrl} alt={alt} className={className} data-testid={testId} />;
}
