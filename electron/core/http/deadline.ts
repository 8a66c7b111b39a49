/**
 * The time a vendor has to answer. For an answer read whole, the deadline covers the whole exchange.
 * For a streamed answer it covers the wait for the headers; after that each wait for more bytes has
 * the same time again. A reader that takes its time (writing a million rows to disk, say) is not the
 * vendor being slow, so time spent between reads does not count.
 */
export class Deadline {
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | null = null;
  readonly signal: AbortSignal;

  constructor(
    private readonly ms: number,
    outer?: AbortSignal,
  ) {
    this.signal = outer ? AbortSignal.any([outer, this.controller.signal]) : this.controller.signal;
    this.arm();
  }

  /** The headers came: from now on only waits for more of the body are timed (see `waiting`). */
  lift(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Times one wait for more of a streamed body. */
  async waiting<T>(read: Promise<T>): Promise<T> {
    this.arm();
    try {
      return await read;
    } finally {
      this.lift();
    }
  }

  private arm(): void {
    this.lift();
    this.timer = setTimeout(() => this.controller.abort(new DOMException(`No answer within ${this.ms} ms.`, 'TimeoutError')), this.ms);
    // As with AbortSignal.timeout, a pending deadline alone does not keep the process running.
    this.timer.unref?.();
  }
}
