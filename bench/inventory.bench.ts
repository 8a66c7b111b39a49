import type { BenchReport } from './harness';
import { runInventoryBench } from './inventory-run';

/** Store size whose first load (active items with stock) is a little over 100,000 items. */
const STORE_ITEMS = 112_000;

export default async function inventoryBench(report: BenchReport): Promise<void> {
  await runInventoryBench(report, STORE_ITEMS, { more: true, reps: 25, goals: 'issue21-100k' });
}
