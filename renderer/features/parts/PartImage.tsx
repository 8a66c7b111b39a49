import { useImage } from './queries';

/** A vendor picture: fetched by the main process and shown from data, so the window loads nothing from elsewhere. */
export function PartImage({ url, alt, className, testId }: { url: string | undefined; alt: string; className?: string; testId?: string }) {
  const img = useImage(url);
  if (!url) return <span className={`${className ?? ''} part-image-none`} aria-hidden="true" />;
  if (img.isError) return <span className={`${className ?? ''} part-image-none`} title={img.error instanceof Error ? img.error.message : ''} aria-label="Picture could not be loaded" />;
  if (!img.data) return <span className={`${className ?? ''} part-image-loading`} aria-label="Loading picture" />;
  return <img src={img.data.dataUrl} alt={alt} className={className} data-testid={testId} />;
}
