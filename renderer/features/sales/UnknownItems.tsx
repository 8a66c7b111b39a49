import { useRef, useState, type FormEvent } from 'react';
import type { Formats } from '../../../shared/locale/formats';
import { readCount, readMoney } from '../../../shared/locale/read-input';
import { useFormats } from '../../locale/formats';
import { useCounterSettings } from './queries';
import { useSaleDraft, type ManualEntry } from './sale-store';
import type { Note } from './use-add-item';

/** What is wrong with a manual item as typed, in plain words; null when it can be added. */
type Field = 'name' | 'price' | 'quantity';

/** The manual item as read, or the first field that cannot be read and why, in plain words. */
function readManual(m: ManualEntry, f: Formats): { ok: true; price: number; quantity: number } | { ok: false; field: Field; text: string } {
  if (!m.name.trim()) return { ok: false, field: 'name', text: 'Type the item’s name.' };
  const price = readMoney(m.price, f, { what: 'price' });
  if (!price.ok) return { ok: false, field: 'price', text: price.problem };
  const quantity = readCount(m.quantity, f, { min: 1, max: 9999, emptyMeans: 1 });
  if (!quantity.ok) return { ok: false, field: 'quantity', text: quantity.problem };
  return { ok: true, price: price.value, quantity: quantity.value };
}

function ManualForm({ entry, onDone }: { entry: ManualEntry; onDone: (note: Note) => void }) {
  const set = useSaleDraft((s) => s.set);
  const addLine = useSaleDraft((s) => s.addLine);
  const dropUnknown = useSaleDraft((s) => s.dropUnknown);
  const f = useFormats();
  const [problem, setProblem] = useState<{ field: Field; text: string } | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const priceRef = useRef<HTMLInputElement>(null);
  const quantityRef = useRef<HTMLInputElement>(null);
  const change = (patch: Partial<ManualEntry>) => set({ manual: { ...entry, ...patch } });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const read = readManual(entry, f);
    setProblem(read.ok ? null : read);
    if (!read.ok) return ({ name: nameRef, price: priceRef, quantity: quantityRef })[read.field].current?.focus();
    const { price, quantity } = read;
    addLine({ sku: entry.sku, name: entry.name.trim(), quantity, unitPriceCents: price, taxable: entry.taxable, stock: null });
    dropUnknown(entry.sku);
    set({ manual: null });
    onDone({ kind: 'info', text: `Added ${quantity} × ${entry.sku} (${entry.name.trim()}) at ${f.money(price)}, sold by hand.` });
  };
  const invalid = (field: Field) => problem?.field === field;
  return (
    <form className="sale-manual" onSubmit={submit} aria-label={`Sell ${entry.sku} as a manual item`} data-testid="sale-manual">
      <strong>Sell {entry.sku} as a manual item</strong>
      <label className="grow">
        Name
        <input ref={nameRef} autoFocus value={entry.name} onChange={(e) => change({ name: e.target.value })} aria-invalid={invalid('name')} data-testid="sale-manual-name" />
      </label>
      <label>
        Unit price
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
