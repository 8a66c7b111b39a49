import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type RefObject } from 'react';
import { api, unwrap } from '../api/bridge';
import { createPictureLoader } from './picture-loader';

export const loadPicture = createPictureLoader((urls) => unwrap(api.pictures.get({ urls })));

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
 * A vendor picture as a data address from the app, which fetches each address once for the run.
 * `delayMs` asks only once the asker has stood that long (rows first, then their pictures, in one call).
 */
export function usePicture(url: string | null | undefined, delayMs = 0) {
  const settled = useSettled(delayMs);
  const wanted = settled && !!url;
  const query = useQuery({ queryKey: ['pictures', url ?? ''], queryFn: () => loadPicture(url!), enabled: wanted, staleTime: Infinity, gcTime: 10 * 60_000, retry: false });
  return { dataUrl: wanted ? (query.data ?? null) : null, error: query.error, loading: wanted && query.isPending };
}

/**
 * Fills each `img[data-picture]` inside `root` (markup from the app, such as a vendor description)
 * with its picture, fetched by the app; one that cannot be loaded gives way to its text alternative.
 */
export function usePicturesIn(root: RefObject<HTMLElement | null>, html: string): void {
  useEffect(() => {
    let live = true;
    for (const img of root.current?.querySelectorAll<HTMLImageElement>('img[data-picture]') ?? []) {
      loadPicture(img.dataset.picture!).then(
        (dataUrl) => live && (img.src = dataUrl),
        () => live && img.replaceWith(document.createTextNode(`[${img.alt}]`)),
      );
    }
    return () => {
      live = false;
    };
  }, [root, html]);
}
