import { useRef, useState, type FormEvent } from 'react';
import { formatDollars, parseDollars } from '../../../shared/money';
import { useCounterSettings } from './queries';
import { useSaleDraft, type ManualEntry } from './sale-store';
import type { Note } from './use-add-item';

/** What is wrong with a manual item as typed, in plain words; null when it can be added. */
function manualProblem(m: ManualEntry): { field: 'name' | 'price' | 'quantity'; text: string } | null {
  if (!m.name.trim()) return { field: 'name', text: 'Type the item’s name.' };
  const price = parseDollars(m.price);
  if (price === null) return { field: 'price', text: 'Type the price in dollars, e.g. 12.50.' };
  if (price < 0) return { field: 'price', text: 'A price cannot be negative.' };
  const q = Number(m.quantity.trim() || '1');
  if (!Number.isInteger(q) || q < 1 || q > 9999) return { field: 'quantity', text: 'The quantity is a whole number from 1 to 9999.' };
  return null;
}

function ManualForm({ entry, onDone }: { entry: ManualEntry; onDone: (note: Note) => void }) {
  const { set, addLine, dropUnknown } = useSaleDraft();
  const [problem, setProblem] = useState<ReturnType<typeof manualProblem>>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const priceRef = useRef<HTMLInputElement>(null);
  const quantityRef = useRef<HTMLInputElement>(null);
  const change = (patch: Partial<ManualEntry>) => set({ manual: { ...entry, ...patch } });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const p = manualProblem(entry);
    setProblem(p);
    if (p) return ({ name: nameRef, price: priceRef, quantity: quantityRef })[p.field].current?.focus();
    const price = parseDollars(entry.price)!;
    const quantity = Number(entry.quantity.trim() || '1');
    addLine({ sku: entry.sku, name: entry.name.trim(), quantity, unitPriceCents: price, taxable: entry.taxable, stock: null });
    dropUnknown(entry.sku);
    set({ manual: null });
    onDone({ kind: 'info', text: `Added ${quantity} × ${entry.sku} (${entry.name.trim()}) at ${formatDollars(price)}, sold by hand.` });
  };
  const invalid = (f: 'name' | 'price' | 'quantity') => problem?.field === f;
  return (
    <form className="sale-manual" onSubmit={submit} aria-label={`Sell ${entry.sku} as a manual item`} data-testid="sale-manual">
      <strong>Sell {entry.sku} as a manual item</strong>
      <label className="grow">
        Name
        <input ref={nameRef} autoFocus value={entry.name} onChange={(e) => change({ name: e.target.value })} aria-invalid={invalid('name')} data-testid="sale-manual-name" />
      </label>
      <label>
        Unit price ($)
        <input ref={priceRef} className="price" inputMode="decimal" value={entry.price} onChange={(e) => change({ price: e.target.value })} aria-invalid={invalid('price')} data-testid="sale-manual-price" />
      </label>
      <label>
        Qty
        <input ref={quantityRef} className="qty" inputMode="numeric" value={entry.quantity} onChange={(e) => change({ quantity: e.target.value })} aria-invalid={invalid('quantity')} data-testid="sale-manual-quantity" />
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={entry.taxable} onChange={(e) => change({ taxable: e.target.checked })} data-testid="sale-manual-taxable" /> Taxable
      </label>
      <button type="submit" data-testid="sale-manual-add">
        Add item
      </button>
      <button type="button" className="secondary" onClick={() => (set({ manual: null }), onDone(null))}>
        Cancel
      </button>
      {problem && (
        <p className="warning" role="alert" data-testid="sale-manual-problem">
          {problem.text}
        </p>
      )}
    </form>
  );
}

/** Scanned SKUs the inventory copy does not know: each is sold by hand, with a name and price, or skipped. */
export function UnknownItems({ onDone }: { onDone: (note: Note) => void }) {
  const { unknown, manual, set, dropUnknown } = useSaleDraft();
  const settings = useCounterSettings();
  if (unknown.length === 0 && !manual) return null;
  return (
    <div className="sale-unknown-list">
      {unknown
        .filter((sku) => sku !== manual?.sku)
        .map((sku) => (
          <div key={sku} className="sale-unknown" role="group" aria-label={`Unknown SKU ${sku}`} data-testid="sale-unknown" data-sku={sku}>
            <span>
              <strong>{sku}</strong> is not in the inventory copy.
            </span>
            <button
              type="button"
              className="secondary"
              onClick={() => set({ manual: { sku, name: '', price: '', quantity: '1', taxable: settings.data?.taxableByDefault ?? true } })}
              data-testid="sale-unknown-manual"
            >
              Sell as a manual item
            </button>
            <button type="button" className="secondary" onClick={() => (dropUnknown(sku), onDone({ kind: 'info', text: `Skipped ${sku}.` }))} data-testid="sale-unknown-skip">
              Skip
            </button>
          </div>
        ))}
      {manual && <ManualForm key={manual.sku} entry={manual} onDone={onDone} />}
    </div>
  );
}
