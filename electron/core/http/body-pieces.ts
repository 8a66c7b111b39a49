const isBlank = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** The first byte that is not white space, or undefined when there is none yet. */
function firstByte(pieces: Uint8Array[]): number | undefined {
  for (const p of pieces) for (const c of p) if (!isBlank(c)) return c;
  return undefined;
}

type Read = ReadableStreamDefaultReader<Uint8Array>['read'];

/** Pieces read one after another with no turn of the event loop between them, at most. */
export const PIECES_PER_TURN = 32;

/**
 * Lets the event loop turn while a body is read. Pieces already received are read in promise jobs
 * alone, which no timer or other I/O can come between: an answer arriving faster than it is read (a
 * list sent over a fast line, handed on without waiting) would hold the loop until it ended.
 */
class LoopTurns {
  private since = 0;
  private watching = false;

  /** Resolves at once, or after a turn of the loop when none has come for PIECES_PER_TURN pieces. */
  async pass(): Promise<void> {
    if (!this.watching) {
      this.watching = true;
      setImmediate(() => {
        this.watching = false;
        this.since = 0;
      });
    }
    if (++this.since > PIECES_PER_TURN) await new Promise((resolve) => setImmediate(resolve));
  }
}

/** The body's pieces: those already read, then the rest as it arrives; leaving early cancels the rest. */
async function* bodyPieces(head: Uint8Array[], done: boolean, read: Read, reader: ReadableStreamDefaultReader<Uint8Array>): AsyncGenerator<Uint8Array> {
  let finished = done;
  const turns = new LoopTurns();
  try {
    yield* head.splice(0);
    while (!finished) {
      await turns.pass();
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
 * list) is handed over as its pieces, to be read as they arrive; anything else is handed back as a
 * stream of the whole body (what was read, then the rest), for the caller to read within its limit.
 * Receiving errors are passed through `failed` (the caller words them); `timed` wraps each wait for
 * more bytes (the caller's deadline per wait).
 */
export async function readHead(
  body: ReadableStream<Uint8Array>, failed: (error: unknown) => Error, timed: <T>(wait: Promise<T>) => Promise<T> = (wait) => wait,
): Promise<{ kind: 'pieces'; pieces: AsyncIterable<Uint8Array> } | { kind: 'other'; rest: ReadableStream<Uint8Array> }> {
  const reader = body.getReader();
  const read: Read = () => timed(reader.read()).catch((error: unknown) => {
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
  const pieces = bodyPieces(head, done, read, reader);
  return {
    kind: 'other',
    rest: new ReadableStream<Uint8Array>({
      async pull(controller) {
        const r = await pieces.next();
        if (r.done) controller.close();
        else controller.enqueue(r.value);
      },
      async cancel() {
        await pieces.return(undefined);
      },
    }),
  };
}
