/**
 * How many rows the next chunk of a long write should hold. Each chunk is one transaction that
 * holds the main process, so with a time budget the size follows what the machine manages in that
 * time: a commit costs about the same whatever its size, so bigger chunks go faster overall.
 */
export class ChunkSizer {
  private size: number;

  constructor(
    initial: number,
    /** Milliseconds a chunk may take; null keeps the size fixed. */
    private readonly budgetMs: number | null,
    private readonly min = 100,
    private readonly max = 10_000,
  ) {
    this.size = initial;
  }

  get rows(): number {
    return this.size;
  }

  /** Records how long a chunk of `rows` took and sizes the next one. */
  took(ms: number, rows: number): void {
    if (this.budgetMs === null || rows < this.size) return;
    const factor = Math.min(2, Math.max(0.5, this.budgetMs / Math.max(ms, 1)));
    this.size = Math.round(Math.min(this.max, Math.max(this.min, this.size * factor)));
  }

  /** Runs one chunk of `rows` rows and learns from its duration. */
  run<T>(rows: number, work: () => T): T {
    const started = performance.now();
    const out = work();
    this.took(performance.now() - started, rows);
    return out;
  }
}
