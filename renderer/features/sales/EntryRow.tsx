import { useEffect, useState, type KeyboardEvent, type RefObject } from 'react';
import type { ItemRow } from '../../../shared/inventory/schemas';
import { readCount } from '../../../shared/locale/read-input';
import { useFormats } from '../../locale/formats';
import { useNameSearch } from './queries';
import { useAddItem, type Note } from './use-add-item';
import { useScanCapture } from './use-scan-capture';
import { UnknownItems } from './UnknownItems';


/** The words typed settle before they are searched, so a scanner's burst never searches. */
function useSettled(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

function Suggestions({ items, active, onPick }: { items: ItemRow[]; active: number; onPick: (item: ItemRow) => void }) {
  const f = useFormats();
  return (
    <ul className="sale-suggestions" role="listbox" id="sale-suggestions" aria-label="Items matching the words typed" data-testid="sale-suggestions">
      {items.map((item, i) => (
        <li
          key={item.sku}
          id={`sale-suggestion-${i}`}
          role="option"
          aria-selected={i === active}
          className={i === active ? 'active' : undefined}
          onMouseDown={(e) => (e.preventDefault(), onPick(item))}
          data-testid="sale-suggestion"
          data-sku={item.sku}
        >
          <span className="inventory-sku">{item.sku}</span> {item.name ?? '—'}
          <span className="muted">
            {' '}
            · {item.currentPriceCents === null ? 'no price' : f.money(item.currentPriceCents)} · {f.number(item.quantity ?? 0)} on hand
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * Where items are entered. A scan (fast keys and Enter) always lands here as a SKU, whatever field has the
 * cursor; typed words list matching items by name to pick with the arrow keys; an unknown SKU asks what to do.
 */
export function EntryRow(props: { skuRef: RefObject<HTMLInputElement | null>; pendingRef: RefObject<Promise<void> | null>; scanning: boolean; cleared: string | null }) {
  const { skuRef, pendingRef, scanning, cleared } = props;
  const [text, setText] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [active, setActive] = useState(-1);
  const [note, setNote] = useState<Note>(null);
  const addItem = useAddItem();
  const f = useFormats();
  const readQuantity = (t: string) => readCount(t, f, { min: 1, max: 9999, emptyMeans: 1 });
  const quantityRead = readQuantity(quantity);
  const settled = useSettled(text, 200);
  const search = useNameSearch(settled);
  const items = text.trim().length >= 2 && settled === text ? (search.data?.items ?? []).filter((i) => i.currentPriceCents !== null) : [];

  // A recorded sale leaves a clean screen: the last item's note goes with it.
  const [noteFor, setNoteFor] = useState(cleared);
  if (noteFor !== cleared) {
    setNoteFor(cleared);
    setNote(null);
  }

  // Ready to scan on arrival, unless the person is moving between the tabs with the arrow keys.
  useEffect(() => {
    if (!document.activeElement?.closest('[role="tablist"]')) skuRef.current?.focus();
  }, [skuRef]);

  const run = (work: Promise<void>) => {
    // Recording waits for this, so Ctrl+Enter straight after a scan still includes the item.
    const p = work.finally(() => {
      if (pendingRef.current === p) pendingRef.current = null;
    });
    pendingRef.current = p;
  };
  const add = (sku: string, qty: number) => {
    setText('');
    setQuantity('1');
    setActive(-1);
    run(addItem(sku, qty).then(setNote));
  };
  useScanCapture((code) => {
    skuRef.current?.focus();
    add(code, 1);
  }, scanning, skuRef);

  const submit = () => {
    const read = readQuantity(quantity);
    if (!read.ok) return setNote({ kind: 'warn', text: `Enter cannot add the item: ${read.problem.replace(/^T/, 't')}` });
    const q = read.value;
    if (active >= 0 && items[active]) return add(items[active].sku, q);
    const typed = text.trim();
    if (!typed) return setNote({ kind: 'warn', text: 'Enter cannot add anything yet: scan or type a SKU, or type part of a name and pick the item from the list.' });
    if (/\s/.test(typed)) {
      return setNote({ kind: 'warn', text: items.length > 0 ? 'Pick one of the listed items with the arrow keys, then press Enter.' : `No item in the inventory copy matches “${typed}”.` });
    }
    add(typed, q);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && items.length > 0) return (e.preventDefault(), setActive((active + 1) % items.length));
    if (e.key === 'ArrowUp' && items.length > 0) return (e.preventDefault(), setActive(active <= 0 ? items.length - 1 : active - 1));
    if (e.key === 'Escape') return (setText(''), setActive(-1), setNote(null));
    if (e.key !== 'Enter' || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    submit();
  };

  return (
    <div className="sale-entry">
      <div className="sale-entry-row">
        <label className="grow sale-item-field">
          Item: scan, type a SKU, or type words of its name
          <input
            ref={skuRef}
            role="combobox"
            aria-expanded={items.length > 0}
            aria-controls="sale-suggestions"
            aria-autocomplete="list"
            aria-activedescendant={active >= 0 ? `sale-suggestion-${active}` : undefined}
            value={text}
            onChange={(e) => (setText(e.target.value), setActive(-1))}
            onKeyDown={onKeyDown}
            data-testid="sale-sku"
            placeholder="Scan or type"
            autoComplete="off"
          />
        </label>
        <label>
          Qty
          <input className="qty" inputMode="numeric" value={quantity} onChange={(e) => setQuantity(e.target.value)} onKeyDown={onKeyDown} aria-invalid={!quantityRead.ok} data-testid="sale-quantity" />
        </label>
      </div>
      {items.length > 0 && <Suggestions items={items} active={active} onPick={(item) => add(item.sku, quantityRead.ok ? quantityRead.value : 1)} />}
      {note && (
        <p className={note.kind === 'warn' ? 'warning' : 'muted'} role="status" data-testid="sale-entry-note">
          {note.text}
        </p>
      )}
      <UnknownItems onDone={(n) => (setNote(n), skuRef.current?.focus())} />
    </div>
  );
}
