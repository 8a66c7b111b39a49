import { useState } from 'react';
import type { SaleConflict } from '../../../shared/sales/conflicts';
import { useFormats } from '../../locale/formats';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useConflicts, useSettleConflict } from './queries';

function Sale({ side }: { side: SaleConflict['first'] }) {
  const f = useFormats();
  return (
    <>
      order <strong>{side.orderNumber}</strong> on workstation {side.workstation} ({f.dateTime(side.recordedAt)})
    </>
  );
}

function SettleForm({ conflict }: { conflict: SaleConflict }) {
  const [note, setNote] = useState('');
  const settle = useSettleConflict();
  return (
    <form className="settings" onSubmit={(e) => (e.preventDefault(), settle.mutate({ id: conflict.id, note }))}>
      <label>
        How it was settled
        <input type="text" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} data-testid="sale-conflict-note" />
      </label>
      <button type="submit" disabled={settle.isPending} data-testid="sale-conflict-settle">
        Settled
      </button>
      <ErrorMessage error={settle.error} />
    </form>
  );
}

function ConflictItem({ conflict: c }: { conflict: SaleConflict }) {
  const f = useFormats();
  return (
    <li data-testid="sale-conflict" data-state={c.settled ? 'settled' : 'open'}>
      <p className={c.settled ? undefined : 'warning'}>
        {c.itemName ?? c.sku} (SKU {c.sku}) is a one-off item and was sold twice: <Sale side={c.first} />, then <Sale side={c.second} />. Both
        sales are kept; check which customer has it and settle the other sale (a return, or a call to the customer).
      </p>
      {c.settled ? (
        <p className="muted" data-testid="sale-conflict-settled">
          Settled by {c.settled.by} on {f.dateTime(c.settled.at)}: {c.settled.note}
        </p>
      ) : (
        <SettleForm conflict={c} />
      )}
    </li>
  );
}

/** One-off items two sales of the store sold, for a person to settle; shown on every workstation of the store. */
export function SaleConflicts() {
  const list = useConflicts();
  if (!list.data?.paired || list.data.conflicts.length === 0) return null;
  const open = list.data.conflicts.filter((c) => !c.settled).length;
  return (
    <section className="sale-conflicts" data-testid="sale-conflicts">
      <h3>
        One-off items sold twice{open > 0 ? ` (${open} to settle)` : ''}
      </h3>
      {!list.data.live && <p className="muted">The store server does not answer: this is the list as last read.</p>}
      <ul>
        {list.data.conflicts.map((c) => (
          <ConflictItem key={c.id} conflict={c} />
        ))}
      </ul>
    </section>
  );
}
