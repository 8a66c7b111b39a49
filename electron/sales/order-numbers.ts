import { storeOrderNumber } from '../../shared/sales/order-number';
import type { Db } from '../core/store/database';
import type { StoreLink } from '../core/store-link';

/**
 * Order numbers of a workstation in a store: the prefix the store server gave it (unique across the store)
 * and its own counter, kept in its own store, so numbering goes on while the server is away. Alone, a
 * workstation keeps the numbers it always had (the caller's).
 */
export class OrderNumbers {
  constructor(private readonly deps: { db: Db; store: StoreLink }) {}

  /** This workstation's prefix, or null when it works alone. */
  prefix(): string | null {
    return this.deps.store.workstation()?.prefix ?? null;
  }

  /** The last counter used with this prefix. */
  last(prefix: string): number {
    return (this.deps.db.prepare('SELECT last_number FROM order_counter WHERE prefix = ?').pluck().get(prefix) as number | undefined) ?? 0;
  }

  /** The number the next sale would get (for checks before it is recorded). */
  peek(): string | null {
    const prefix = this.prefix();
    return prefix === null ? null : storeOrderNumber(prefix, this.free(prefix, this.last(prefix) + 1));
  }

  /**
   * Takes the next number, inside the caller's transaction, so the counter moves exactly when the sale is
   * written. A number some record here already has (one copied from the server, one typed) is passed over.
   */
  take(): string | null {
    const prefix = this.prefix();
    if (prefix === null) return null;
    const counter = this.free(prefix, this.last(prefix) + 1);
    this.set(prefix, counter);
    return storeOrderNumber(prefix, counter);
  }

  /** Moves the counter up to `counter` (never down); answers whether it moved. */
  raiseTo(prefix: string, counter: number): boolean {
    if (counter <= this.last(prefix)) return false;
    this.set(prefix, counter);
    return true;
  }

  private free(prefix: string, from: number): number {
    const taken = this.deps.db.prepare('SELECT 1 FROM sales WHERE order_number = ?').pluck();
    let counter = from;
    while (taken.get(storeOrderNumber(prefix, counter))) counter++;
    return counter;
  }

  private set(prefix: string, counter: number): void {
    this.deps.db
      .prepare('INSERT INTO order_counter (prefix, last_number) VALUES (?, ?) ON CONFLICT (prefix) DO UPDATE SET last_number = excluded.last_number')
      .run(prefix, counter);
  }
}
