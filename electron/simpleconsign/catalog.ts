/**
 * The SimpleConsign simulators share one store: the inventory simulator owns the items, and the
 * transactions simulator asks it whether a SKU exists and moves quantities when it records a sale
 * or a return, so that the next inventory sync sees the change.
 */
import type { RequestWindow } from './request-window';

export interface SimpleConsignCatalog {
  /** The per-key request allowance both simulators count against. */
  readonly requests?: RequestWindow;
  hasSku(sku: string): boolean;
  /** Negative for a sale, positive for a return. Ignored for unknown SKUs. */
  adjustQuantity(sku: string, delta: number): void;
}
