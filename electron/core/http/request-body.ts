import crypto from 'node:crypto';
import fs from 'node:fs';

/** One field of a multipart/form-data body: a text value, or a file streamed from disk. */
export type MultipartPart = { name: string; value: string } | { name: string; fileName: string; contentType: string; path: string };

/** A request body other than JSON. */
export type RequestBody =
  | { kind: 'multipart'; parts: MultipartPart[] }
  | { kind: 'binary'; contentType: string; path: string }
  | { kind: 'binary'; contentType: string; data: Uint8Array };

export interface EncodedBody {
  body: ReadableStream<Uint8Array> | Uint8Array;
  contentType: string;
  length: number;
}

/** Quotes a multipart parameter; a file name is sent as UTF-8 bytes, quotes and line breaks escaped. */
const quote = (s: string) => `"${s.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}"`;

function multipartPieces(parts: MultipartPart[], boundary: string): (Buffer | { path: string; size: number })[] {
  const pieces: (Buffer | { path: string; size: number })[] = [];
  for (const p of parts) {
    if ('value' in p) {
      pieces.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name=${quote(p.name)}\r\n\r\n${p.value}\r\n`, 'utf8'));
    } else {
      const head = `--${boundary}\r\nContent-Disposition: form-data; name=${quote(p.name)}; filename=${quote(p.fileName)}\r\nContent-Type: ${p.contentType}\r\n\r\n`;
      pieces.push(Buffer.from(head, 'utf8'), { path: p.path, size: fs.statSync(p.path).size }, Buffer.from('\r\n'));
    }
  }
  pieces.push(Buffer.from(`--${boundary}--\r\n`));
  return pieces;
}

/** A stream over buffers and files, read from disk a piece at a time, counting what has been taken. */
function streamOf(pieces: (Buffer | { path: string; size: number })[], total: number, onProgress?: (sent: number, total: number) => void): ReadableStream<Uint8Array> {
  async function* chunks() {
    for (const piece of pieces) {
      if (Buffer.isBuffer(piece)) yield piece;
      else for await (const c of fs.createReadStream(piece.path, { highWaterMark: 256 * 1024 })) yield c as Buffer;
    }
  }
  const it = chunks();
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await it.next();
      if (next.done) return controller.close();
      sent += next.value.length;
      onProgress?.(sent, total);
      controller.enqueue(new Uint8Array(next.value.buffer, next.value.byteOffset, next.value.length));
    },
    async cancel() {
      await it.return(undefined);
    },
  });
}

/** Encodes a body for fetch: streamed from disk with a known length, so progress can be reported as it is sent. */
export function encodeBody(body: RequestBody, onProgress?: (sent: number, total: number) => void): EncodedBody {
  if (body.kind === 'multipart') {
    const boundary = `----trax-${crypto.randomBytes(12).toString('hex')}`;
    const pieces = multipartPieces(body.parts, boundary);
    const length = pieces.reduce((n, p) => n + (Buffer.isBuffer(p) ? p.length : p.size), 0);
    return { body: streamOf(pieces, length, onProgress), contentType: `multipart/form-data; boundary=${boundary}`, length };
  }
  if ('path' in body) {
    const size = fs.statSync(body.path).size;
    return { body: streamOf([{ path: body.path, size }], size, onProgress), contentType: body.contentType, length: size };
  }
  onProgress?.(body.data.length, body.data.length);
  return { body: body.data, contentType: body.contentType, length: body.data.length };
}
