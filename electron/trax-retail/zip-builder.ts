import type { Readable } from 'node:stream';
import yazl from 'yazl';
import type { LocalImage } from '../../shared/trax-retail/sheet';

export const IMAGE_EXTENSIONS: Record<NonNullable<LocalImage['kind']>, string> = { png: 'png', jpeg: 'jpg', gif: 'gif', webp: 'webp', bmp: 'bmp', tiff: 'tif' };

export interface ZipImage {
  /** The base name written in the sheet's image cells. */
  name: string;
  kind: NonNullable<LocalImage['kind']>;
  path: string;
}

/**
 * A ZIP holding exactly one sheet plus its images, flat at the root, each named `<base name>.<ext>`.
 * yazl streams every entry from its source as the ZIP is read, so memory stays bounded whatever the
 * images weigh (jszip would hold every entry in memory). Pictures are stored, not deflated: they
 * are compressed already, and deflating them again costs time for nothing.
 */
export function zipStream(sheet: { name: string; stream: Readable }, images: readonly ZipImage[]): Readable {
  const zip = new yazl.ZipFile();
  zip.addReadStream(sheet.stream, sheet.name, { compress: true });
  for (const img of images) zip.addFile(img.path, `${img.name}.${IMAGE_EXTENSIONS[img.kind]}`, { compress: false });
  zip.end();
  const out = zip.outputStream as unknown as Readable;
  sheet.stream.once('error', (e) => out.destroy(e));
  return out;
}
