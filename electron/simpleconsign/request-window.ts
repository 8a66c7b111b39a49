/**
 * SimpleConsign's request allowance as its simulators keep it: one sliding window per API key,
 * shared by the inventory and transactions simulators, because one key has one allowance whichever
 * endpoint it calls. Refused requests do not use it up.
 */
export class RequestWindow {
  private readonly calls = new Map<string, number[]>();

  constructor(
    public limit: number,
    readonly windowMs = 10 * 60_000,
  ) {}

  /** Counts a request; null when admitted, else how long until the oldest one leaves the window. */
  admit(key: string, now: number): { retryAfterMs: number } | null {
    const recent = (this.calls.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (recent.length >= this.limit) {
      this.calls.set(key, recent);
      return { retryAfterMs: Math.max(1000, recent[0] + this.windowMs - now) };
    }
    recent.push(now);
    this.calls.set(key, recent);
    return null;
  }

  clear(): void {
    this.calls.clear();
  }
}
