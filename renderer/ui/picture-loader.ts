import { MAX_PICTURES_PER_CALL, type PictureAnswer } from '../../shared/contract/pictures';

interface Waiting {
  resolve(dataUrl: string): void;
  reject(error: Error): void;
}

/**
 * Pictures asked for in the same moment (a page of thumbnails) go to the app in one call, so they
 * never queue ahead of the clerk's next search on the window's few connections. Each address is
 * sent once: an ask for an address already on its way waits for that call's answer.
 */
export function createPictureLoader(fetchPictures: (urls: string[]) => Promise<{ images: PictureAnswer[] }>) {
  /** Every address asked for and not yet answered, with whoever is waiting for it. */
  const waiting = new Map<string, Waiting[]>();
  /** The addresses of `waiting` that no call has carried yet. */
  const unsent = new Set<string>();
  let scheduled = false;

  const settle = (url: string, outcome: (w: Waiting) => void) => {
    for (const w of waiting.get(url) ?? []) outcome(w);
    waiting.delete(url);
  };

  const send = async (urls: string[]) => {
    try {
      const { images } = await fetchPictures(urls);
      for (const image of images) settle(image.url, (w) => (image.dataUrl !== null ? w.resolve(image.dataUrl) : w.reject(new Error(image.problem ?? 'The picture could not be loaded.'))));
      for (const url of urls) settle(url, (w) => w.reject(new Error('The app sent no picture for this address.')));
    } catch (error) {
      for (const url of urls) settle(url, (w) => w.reject(error instanceof Error ? error : new Error(String(error))));
    }
  };

  const flush = () => {
    scheduled = false;
    const urls = [...unsent];
    unsent.clear();
    for (let i = 0; i < urls.length; i += MAX_PICTURES_PER_CALL) void send(urls.slice(i, i + MAX_PICTURES_PER_CALL));
  };

  return (url: string): Promise<string> =>
    new Promise((resolve, reject) => {
      const list = waiting.get(url);
      if (list) return void list.push({ resolve, reject });
      waiting.set(url, [{ resolve, reject }]);
      unsent.add(url);
      if (!scheduled) {
        scheduled = true;
        setTimeout(flush, 0);
      }
    });
}
