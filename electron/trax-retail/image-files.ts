import fs from 'node:fs';
import type { ImageKind } from '../../shared/trax-retail/sheet';

/** What a file's first bytes say it is. */
export function sniffImage(head: Uint8Array): ImageKind | null {
  const b = (i: number) => head[i];
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  if (b(0) === 0x89 && ascii(1, 4) === 'PNG') return 'png';
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'jpeg';
  if (ascii(0, 4) === 'GIF8') return 'gif';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (ascii(0, 2) === 'BM') return 'bmp';
  if (ascii(0, 4) === 'II*\0' || ascii(0, 4) === 'MM\0*') return 'tiff';
  return null;
}

/** The kind and size of a stored file; null when it is missing or unreadable. */
export function inspectImage(path: string): { kind: ImageKind | null; size: number } | null {
  let fd: number | undefined;
  try {
    fd = fs.openSync(path, 'r');
    const head = Buffer.alloc(16);
    const read = fs.readSync(fd, head, 0, 16, 0);
    return { kind: sniffImage(head.subarray(0, read)), size: fs.fstatSync(fd).size };
  } catch {
    return null;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

export const MIME: Record<ImageKind, string> = { png: 'image/png', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', bmp: 'image/bmp', tiff: 'image/tiff' };
