import type { PictureSource } from '../core/pictures/picture-service';

/**
 * The copy's pictures: addresses under the image store its items' pictures come from (SimpleConsign's,
 * or the simulator's in training), compared after the address is read as the fetch will read it, so
 * "../" cannot step outside. They are public: no key goes with them.
 */
export function inventoryPictures(imageBase: () => string): PictureSource {
  return {
    planFor(url) {
      let href: string;
      try {
        href = new URL(url).href;
      } catch {
        return null;
      }
      return href === url && href.startsWith(`${imageBase()}/`) ? { vendor: 'SimpleConsign' } : null;
    },
  };
}
