import { useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { centsToDecimal, formatDollars, parseDollars } from '../../../shared/money';
import { useSkuLookup } from './queries';
import { useSaleDraft, type Entry } from './sale-store';

type Note = { kind: 'info' | 'warn'; text: string } | null;

function quantityOf(entry: Entry): number | null {
  const q = Number(entry.quantity.trim() || '1');
  return Number.isInteger(q) && q >= 1 && q <= 9999 ? q : null;
}

/**
 * The row where items are entered (`pendingRef` holds the lookup in progress, if any). A barcode scanner types the SKU and presses Enter: the item is looked up
 * in the local inventory copy and added at its current price; an unknown SKU asks for a name and price.
 */
export function EntryRow({ skuRef, pendingRef }: { skuRef: RefObject<HTMLInputElement | null>; pendingRef: RefObject<Promise<void> | null> }) {
  const { entry, setEntry, addLine, clearEntry } = useSaleDraft();
  const lookup = useSkuLookup();
  const nameRef = useRef<HTMLInputElement>(null);
  const priceRef = useRef<HTMLInputElement>(null);
  const [note, setNote] = useState<Note>(null);

  const add = (e: Entry): void => {
    const quantity = quantityOf(e);
    const price = parseDollars(e.price);
    if (quantity === null || price === null || price < 0) setEntry(e);
    if (quantity === null) return setNote({ kind: 'warn', text: 'Quantity is a whole number from 1 to 9999.' });
    if (price === null || price < 0) {
      setNote({ kind: 'warn', text: 'Type the unit price in dollars, e.g. 12.50.' });
      return priceRef.current?.focus();
    }
    addLine({ sku: e.sku.trim(), name: e.name.trim(), quantity, unitPriceCents: price, taxable: e.taxable, onHand: e.onHand });
    const stock = e.onHand !== null && quantity > e.onHand ? ` Only ${e.onHand} on hand in the inventory copy.` : '';
    setNote({ kind: stock ? 'warn' : 'info', text: `Added ${quantity} × ${e.sku.trim()}${e.name.trim() ? ` (${e.name.trim()})` : ''} at ${formatDollars(price)}.${stock}` });
    skuRef.current?.focus();
  };

  /**
   * Enter: with a price typed, the line is added as typed; otherwise the SKU is looked up. The entry is emptied
   * at once, so a fast scanner's next code starts clean.
   */
  const submit = async (): Promise<void> => {
    const current = { ...entry, sku: entry.sku.trim() };
    if (!current.sku) return;
    if (current.price.trim()) return add(current);
    clearEntry();
    const found = await lookup(current.sku).then(
      (r) => r.item,
      () => null,
    );
    if (found) return add({ ...current, sku: found.sku, name: found.name, price: centsToDecimal(found.currentPriceCents), onHand: found.quantity });
    setEntry(current);
    setNote({ kind: 'warn', text: `${current.sku} is not in the local inventory copy: type its name and price, then press Enter.` });
    nameRef.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape') {
      clearEntry();
      setNote(null);
      return skuRef.current?.focus();
    }
    if (e.key !== 'Enter' || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    if (!entry.sku.trim()) return skuRef.current?.focus();
    // Recording waits for this, so Ctrl+Enter straight after a scan still includes the item.
    const work = submit().finally(() => {
      if (pendingRef.current === work) pendingRef.current = null;
    });
    pendingRef.current = work;
  };

  return (
    <div className="sale-entry">
      <div className="sale-entry-row">
        <label>
          SKU
          <input ref={skuRef} autoFocus value={entry.sku} onChange={(e) => setEntry({ sku: e.target.value })} onKeyDown={onKeyDown} data-testid="sale-sku" placeholder="Scan or type" />
        </label>
        <label className="grow">
          Name
          <input ref={nameRef} value={entry.name} onChange={(e) => setEntry({ name: e.target.value })} onKeyDown={onKeyDown} data-testid="sale-name" />
        </label>
        <label>
          Qty
          <input className="qty" inputMode="numeric" value={entry.quantity} onChange={(e) => setEntry({ quantity: e.target.value })} onKeyDown={onKeyDown} data-testid="sale-quantity" />
        </label>
        <label>
          Unit price ($)
          <input ref={priceRef} className="price" inputMode="decimal" value={entry.price} onChange={(e) => setEntry({ price: e.target.value })} onKeyDown={onKeyDown} data-testid="sale-price" />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={entry.taxable} onChange={(e) => setEntry({ taxable: e.target.checked })} onKeyDown={onKeyDown} data-testid="sale-taxable" />
          Taxable
        </label>
      </div>
      {note && (
        <p className={note.kind === 'warn' ? 'warning' : 'muted'} role="status" data-testid="sale-entry-note">
          {note.text}
        </p>
      )}
    </div>
  );
}
