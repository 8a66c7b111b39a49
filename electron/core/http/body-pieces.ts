const isBlank = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** The first byte that is not white space, or undefined when there is none yet. */
function firstByte(pieces: Uint8Array[]): number | undefined {
  for (const p of pieces) for (const c of p) if (!isBlank(c)) return c;
  return undefined;
}

function concatPieces(pieces: Uint8Array[]): ArrayBuffer {
  const out = new Uint8Array(pieces.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out.buffer;
}

type Read = ReadableStreamDefaultReader<Uint8Array>['read'];

/** The body's pieces: those already read, then the rest as it arrives; leaving early cancels the rest. */
async function* bodyPieces(head: Uint8Array[], done: boolean, read: Read, reader: ReadableStreamDefaultReader<Uint8Array>): AsyncGenerator<Uint8Array> {
  let finished = done;
  try {
    yield* head.splice(0);
    while (!finished) {
      const r = await read();
      if (r.done) finished = true;
      else yield r.value;
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
  }
}

/**
 * Reads a body as far as its first meaningful byte. An answer that starts like JSON (an object or a
 * list) is handed over as its pieces, to be read as they arrive; anything else is read whole.
 * Receiving errors are passed through `failed` (the caller words them).
 */
export async function readHead(
  body: ReadableStream<Uint8Array>, failed: (error: unknown) => Error,
): Promise<{ kind: 'pieces'; pieces: AsyncIterable<Uint8Array> } | { kind: 'bytes'; bytes: ArrayBuffer }> {
  const reader = body.getReader();
  const read: Read = () => reader.read().catch((error: unknown) => {
    throw failed(error);
  });
  const head: Uint8Array[] = [];
  let done = false;
  while (!done && firstByte(head) === undefined) {
    const r = await read();
    if (r.done) done = true;
    else head.push(r.value);
  }
  const first = firstByte(head);
  if (first === 0x7b || first === 0x5b) return { kind: 'pieces', pieces: bodyPieces(head, done, read, reader) };
  for (let r = done ? null : await read(); r && !r.done; r = await read()) head.push(r.value);
  return { kind: 'bytes', bytes: concatPieces(head) };
}
