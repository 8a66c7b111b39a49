import { api, unwrap } from '../../api/bridge';

/** Under the browser shell's request limit once base64-encoded. */
const CHUNK = 1536 * 1024;

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/**
 * Sends a picked or dropped file to the main process a piece at a time. The same path serves both
 * shells: the browser shell cannot tell the app where a file is, only what is in it.
 */
export async function sendFile(file: Blob, onProgress?: (sent: number, total: number) => void): Promise<string> {
  let stageId: string | undefined;
  for (let offset = 0; offset < file.size || (offset === 0 && !stageId); offset += CHUNK) {
    const bytes = new Uint8Array(await file.slice(offset, offset + CHUNK).arrayBuffer());
    stageId = (await unwrap(api.sheets.stageChunk({ stageId, base64: toBase64(bytes) }))).stageId;
    onProgress?.(Math.min(file.size, offset + CHUNK), file.size);
  }
  return stageId!;
}

/** Saves a file the main process wrote (or downloaded) on this computer, through the browser's download. */
export async function saveToComputer(fileId: string, fileName: string): Promise<void> {
  const parts: BlobPart[] = [];
  for (let offset = 0; ; ) {
    const piece = await unwrap(api.sheets.readFile({ fileId, offset }));
    const bin = atob(piece.base64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    parts.push(bytes);
    offset += bytes.length;
    if (piece.done) break;
  }
  const url = URL.createObjectURL(new Blob(parts));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
