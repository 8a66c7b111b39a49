/** Bytes above the limit, said in the way a person reads sizes. */
export function sizeWords(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}

/**
 * Reads a whole body, refusing one larger than `maxBytes`: at once when its Content-Length says so,
 * otherwise as soon as the bytes received pass the limit (the rest is never read). Receiving errors
 * are passed through `failed`, the size refusal through `tooLarge`.
 */
export async function readBounded(res: Response, maxBytes: number, tooLarge: () => Error, failed: (error: unknown) => Error): Promise<ArrayBuffer> {
  const declared = Number(res.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!res.body) return new ArrayBuffer(0);
  const reader = res.body.getReader();
  const pieces: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let r: Awaited<ReturnType<typeof reader.read>>;
    try {
      r = await reader.read();
    } catch (error) {
      throw failed(error);
    }
    if (r.done) break;
    size += r.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    pieces.push(r.value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out.buffer;
}
