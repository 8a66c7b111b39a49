/**
 * Pictures kept for the run: asks for one address while its fetch is under way share that fetch
 * (single flight), and what came back is kept, least recently used first out, within a byte budget.
 * A failure is not kept, so a later ask tries again.
 */
export class PictureCache {
  private readonly kept = new Map<string, string>();
  private keptBytes = 0;
  private readonly pending = new Map<string, Promise<string>>();

  constructor(readonly maxBytes: number) {}

  get(key: string, fetch: () => Promise<string>): Promise<string> {
    const hit = this.kept.get(key);
    if (hit !== undefined) {
      // Map order is use order: move it to the young end.
      this.kept.delete(key);
      this.kept.set(key, hit);
      return Promise.resolve(hit);
    }
    const flying = this.pending.get(key);
    if (flying) return flying;
    const started = fetch()
      .then((value) => (this.keep(key, value), value))
      .finally(() => this.pending.delete(key));
    this.pending.set(key, started);
    return started;
  }

  /** Bytes held (a data address is one byte a character). */
  get bytes(): number {
    return this.keptBytes;
  }

  get count(): number {
    return this.kept.size;
  }

  private keep(key: string, value: string): void {
    // One picture may not push out a quarter of the others.
    if (value.length > this.maxBytes / 4) return;
    for (const [oldKey, old] of this.kept) {
      if (this.keptBytes + value.length <= this.maxBytes) break;
      this.kept.delete(oldKey);
      this.keptBytes -= old.length;
    }
    this.kept.set(key, value);
    this.keptBytes += value.length;
  }
}
