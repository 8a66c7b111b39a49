/**
 * Work done one run at a time: asked for while a run is under way, it answers that run rather than
 * starting another, so whoever waits for it (a stop, a second tick) waits for the work really done.
 */
export class OneRun {
  private running: Promise<void> | null = null;

  /** The run under way, or a new run of `work`. */
  run(work: () => Promise<void>): Promise<void> {
    this.running ??= work().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Once the run under way (if any) has settled, whatever its outcome. */
  async settled(): Promise<void> {
    await this.running?.catch(() => undefined);
  }
}
