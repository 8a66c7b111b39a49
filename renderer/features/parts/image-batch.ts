import { MAX_IMAGES_PER_CALL } from '../../../shared/heavytruckparts/contract';

interface Waiting {
  resolve(dataUrl: string): void;
  reject(error: Error): void;
}

/**
 * Pictures asked for in the same moment (a page of thumbnails) go to the app in one call, so they
 * never queue ahead of the clerk's next search on the window's few connections.
 */
export function createImageLoader(fetchImages: (urls: string[]) => Promise<{ images: { url: string; dataUrl: string | null; problem: string | null }[] }>) {
  const waiting = new Map<string, Waiting[]>();
  let scheduled = false;

  const settle = (url: string, outcome: (w: Waiting) => void) => {
    for (const w of waiting.get(url) ?? []) outcome(w);
    waiting.delete(url);
  };

  const send = async (urls: string[]) => {
    try {
      const { images } = await fetchImages(urls);
      for (const image of images) settle(image.url, (w) => (image.dataUrl !== null ? w.resolve(image.dataUrl) : w.reject(new Error(image.problem ?? 'The picture could not be loaded.'))));
      for (const url of urls) settle(url, (w) => w.reject(new Error('The app sent no picture for this address.')));
    } catch (error) {
      for (const url of urls) settle(url, (w) => w.reject(error instanceof Error ? error : new Error(String(error))));
    }
  };

  const flush = () => {
    scheduled = false;
    const urls = [...waiting.keys()];
    for (let i = 0; i < urls.length; i += MAX_IMAGES_PER_CALL) void send(urls.slice(i, i + MAX_IMAGES_PER_CALL));
  };

  return (url: string): Promise<string> =>
    new Promise((resolve, reject) => {
      const list = waiting.get(url);
      if (list) list.push({ resolve, reject });
      else waiting.set(url, [{ resolve, reject }]);
      if (!scheduled) {
        scheduled = true;
        setTimeout(flush, 0);
      }
    });
}
