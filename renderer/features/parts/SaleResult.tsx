import type { LocalSale } from '../../../shared/heavytruckparts/records';
import { money } from './format';
import { SaleSheetActions } from './SaleSheet';

const stateText: Record<LocalSale['state'], string> = {
  sending: 'Sending…',
  created: 'Sales document created',
  partial: 'Created, but not every line made it',
  refused: 'Not created: no line could be added',
  failed: 'Not created',
  unknown: 'Answer lost: it may have been created',
  abandoned: 'Abandoned',
};

/** What `/sale/create` made of the cart: the transaction id, and each refused line with its code in plain words. */
export function SaleResult({ sale }: { sale: LocalSale }) {
  const errors = sale.answer?.errors ?? [];
  const refusedKey = (l: LocalSale['lines'][number]) => errors.find((e) => e.inventoryId === l.inventoryId && (!e.vendorId || e.vendorId === l.vendorId));
  return (
    <section className={`parts-sale-result card state-${sale.state}`} data-testid="parts-sale-result" data-state={sale.state}>
      <h3>
        {stateText[sale.state]}
        {sale.onlineTransactionId && (
          <> · online transaction <span data-testid="parts-sale-transaction">{sale.onlineTransactionId}</span></>
        )}
      </h3>
      {sale.answer?.created && <p className="muted">Created at HeavyTruckParts {sale.answer.created} · total {money(sale.totalCents)}</p>}
      {sale.message && <p data-testid="parts-sale-message">{sale.message}</p>}
      <ul className="parts-sale-lines">
        {sale.lines.map((l) => {
          const err = refusedKey(l);
          return (
            <li key={`${l.vendorId}/${l.store}/${l.inventoryId}`} className={err ? 'bad' : 'ok'} data-testid={`parts-sale-line-${l.inventoryId}`}>
              {l.label || l.inventoryId} × {l.quantity} — {err ? <>not added: <strong>{err.code}</strong> {err.meaning}{err.vendorMessage ? ` (“${err.vendorMessage}”)` : ''}</> : sale.state === 'created' || sale.state === 'partial' ? 'added' : '—'}
            </li>
          );
        })}
      </ul>
      {(sale.state === 'created' || sale.state === 'partial') && <SaleSheetActions kind="confirmation" source={sale} sale={sale} />}
    </section>
  );
}
