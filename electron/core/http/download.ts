import fs from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Writes a response body to a file as it arrives, refusing more than `maxBytes`; answers the bytes written. */
export async function saveBody(res: Response, file: string, maxBytes = 2 * 1024 ** 3): Promise<number> {
  let bytes = 0;
  const count = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      done(bytes > maxBytes ? new Error(`the file is larger than ${maxBytes} bytes`) : null, chunk);
    },
  });
  const tmp = `${file}.part`;
  try {
    if (res.body) await pipeline(Readable.fromWeb(res.body as import('node:stream/web').ReadableStream), count, fs.createWriteStream(tmp));
    else fs.writeFileSync(tmp, '');
    fs.renameSync(tmp, file);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
  return bytes;
}
