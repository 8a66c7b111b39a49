import { useQueryClient } from '@tanstack/react-query';
import type { SkuLookup } from '../../../shared/inventory/contract';
import { useFormats } from '../../locale/formats';
import { api, unwrap } from '../../api/bridge';
import { useCounterSettings, useSkuLookup } from './queries';
import { useSaleDraft } from './sale-store';

export type Note = { kind: 'info' | 'warn'; text: string } | null;


/** Whether the inventory copy has been loaded at all; an empty copy knows no SKU. */
function useInventoryLoaded() {
  const qc = useQueryClient();
  return async () => {
    const status = await qc.fetchQuery({ queryKey: ['inventory', 'status'], queryFn: () => unwrap(api.inventory.getStatus({})), staleTime: 5_000 });
    return status.loaded;
  };
}

/**
 * Adding an item by SKU: found in the inventory copy, it becomes a line at its current price with what the copy
 * says about stock; not found, it waits for an explicit choice (sell by hand, or skip). Answers a note to show.
 */
export function useAddItem() {
  const lookup = useSkuLookup();
  const loaded = useInventoryLoaded();
  const settings = useCounterSettings();
  const f = useFormats();
  const addLine = useSaleDraft((s) => s.addLine);
  const addUnknown = useSaleDraft((s) => s.addUnknown);

  const addFound = (item: SkuLookup, quantity: number): Note => {
    addLine({
      sku: item.sku,
      name: item.name,
      quantity,
      unitPriceCents: item.currentPriceCents,
      taxable: item.taxable ?? settings.data?.taxableByDefault ?? true,
      stock: { onHand: item.quantity, consignment: item.consignment ?? null, status: item.status ?? null, expireDate: item.expireDate ?? null },
    });
    return { kind: 'info', text: `Added ${quantity} × ${item.sku} (${item.name}) at ${f.money(item.currentPriceCents)}.` };
  };

  return async (sku: string, quantity: number): Promise<Note> => {
    const found = await lookup(sku).then(
      (r) => r.item,
      () => null,
    );
    if (found) return addFound(found, quantity);
    addUnknown(sku);
    const empty = !(await loaded().catch(() => true));
    const why = empty ? 'The inventory copy is empty, so no SKU can be found yet.' : `${sku} is not in the inventory copy.`;
    return { kind: 'warn', text: `${why} Choose below: sell it as a manual item with a name and price, or skip it.` };
  };
}
