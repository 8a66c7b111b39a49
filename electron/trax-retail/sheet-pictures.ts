import { isPublicWebAddress } from '../../shared/endpoint-policy';
import type { PictureSource } from '../core/pictures/picture-service';

/**
 * Pictures a catalog manager gives by address in a sheet's picture columns: shown in the grid, so
 * the app fetches them (https, on the internet at large: never this machine or the local network).
 */
export const sheetPictures: PictureSource = {
  planFor: (url) => (/^https:\/\//i.test(url) && isPublicWebAddress(url) ? { vendor: 'The picture’s web server' } : null),
};
