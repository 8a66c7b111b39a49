import type { SimResponse } from '../training/simulator';
import type { Style } from './sim-answers';
import type { SimCatalog, SimItem } from './sim-catalog';

/** Who is calling the simulator, and how its answers are written for them. */
export interface Caller {
  user: string;
  style: Style;
}

/** What the simulator's routers take from it: its catalog, its way of refusing, its lookups. */
export interface SimContext {
  readonly catalog: SimCatalog;
  error(status: number, message: string, headers?: Record<string, string>): SimResponse;
  item(vendorId: string, store: string, id: string): SimItem | undefined;
  vendorName(vendorId: number): string;
}
