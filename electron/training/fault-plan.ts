import type { Fault } from '../../shared/contract/training';

/** The faults queued for one simulator; each applies to `count` requests, or all while it stands. */
export class FaultPlan {
  private faults: Fault[] = [];

  add(fault: Fault): void {
    this.faults.push({ ...fault });
  }

  clear(): void {
    this.faults = [];
  }

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  /** The fault for the next request, counting it down. */
  take(): Fault | undefined {
    const next = this.faults[0];
    if (!next) return undefined;
    if (next.count !== null) {
      next.count -= 1;
      if (next.count <= 0) this.faults.shift();
    }
    return next;
  }
}
