import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { LocalSale } from '../../../shared/heavytruckparts/records';
import { api, unwrap } from '../../api/bridge';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { DocumentView } from './DocumentView';
import { money, when } from './format';
import { useLocalSales, useReconcileSale, useResolveSale } from './queries';
import { SaleResult } from './SaleResult';

/** A sale whose answer was lost: check /sale/list, then the clerk settles it. */
function Settle({ sale }: { sale: LocalSale }) {
  const reconcile = useReconcileSale();
  const resolve = useResolveSale();
  const canResend = sale.state === 'unknown' || sale.state === 'failed';
  return (
    <div className="parts-settle">
      {sale.state === 'unknown' && <button type="button" onClick={() => reconcile.mutate(sale.id)} data-testid={`parts-reconcile-${sale.id}`}>Check the sales documents list</button>}
      {reconcile.data && (
        <div data-testid="parts-reconcile-result">
          <p>{reconcile.data.message}</p>
          {reconcile.data.candidates.map((d) => (
            <button key={`${d.vendorId}-${d.documentId}`} type="button" className="secondary" onClick={() => resolve.mutate({ id: sale.id, action: 'matched', onlineTransactionId: d.onlineTransactionId ?? '' })}>
              It is transaction {d.onlineTransactionId} (document {d.documentId}, {d.saleDate}, {money(d.subtotalCents)})
            </button>
          ))}
        </div>
      )}
      {canResend && <button type="button" className="secondary" onClick={() => resolve.mutate({ id: sale.id, action: 'send-again' })}>Send again</button>}
      {(canResend || sale.state === 'refused') && <button type="button" className="link" onClick={() => resolve.mutate({ id: sale.id, action: 'abandon' })}>Abandon</button>}
      <ErrorMessage error={reconcile.error ?? resolve.error} />
    </div>
  );
}

function LocalSales() {
  const sales = useLocalSales();
  return (
    <section data-testid="parts-local-sales">
      <h3>Asked for from this computer</h3>
      <ErrorMessage error={sales.error} />
      {(sales.data?.sales ?? []).length === 0 && <p className="muted">None yet.</p>}
      {(sales.data?.sales ?? []).map((s) => (
        <div key={s.id} className="parts-local-sale">
          <p className="muted">{when(s.createdAt)}{s.userId ? ` · end user ${s.userId}` : ''}{s.poNumber ? ` · PO ${s.poNumber}` : ''}</p>
          <SaleResult sale={s} />
          {['unknown', 'failed', 'refused'].includes(s.state) && <Settle sale={s} />}
        </div>
      ))}
    </section>
  );
}

/** `/sale/list` with its filters, and one document by transaction id or by store and document id. */
export function DocumentsView() {
  const [f, setF] = useState({ userId: '', vendorId: '', dateFrom: '', dateTo: '', vendorStatus: '', customerStatus: '' });
  const [lookup, setLookup] = useState({ vendorId: '', onlineTransactionId: '', store: '', documentId: '' });
  const list = useMutation({ mutationFn: () => unwrap(api.parts.listSalesDocuments(f)) });
  const one = useMutation({ mutationFn: () => unwrap(api.parts.lookupSalesDocument(lookup)) });
  const field = (label: string, key: keyof typeof f) => <label>{label}<input value={f[key]} onChange={(e) => setF({ ...f, [key]: e.target.value })} data-testid={`parts-doclist-${key}`} /></label>;
  const lfield = (label: string, key: keyof typeof lookup) => <label>{label}<input value={lookup[key]} onChange={(e) => setLookup({ ...lookup, [key]: e.target.value })} data-testid={`parts-lookup-${key}`} /></label>;
  return (
    <div className="parts-documents" data-testid="parts-documents">
      <h2>Sales documents</h2>
      <form className="card parts-search-row" onSubmit={(e) => (e.preventDefault(), one.mutate())}>
        {lfield('Vendor id', 'vendorId')}{lfield('Online transaction id', 'onlineTransactionId')}{lfield('or store id', 'store')}{lfield('and document id', 'documentId')}
        <button type="submit" data-testid="parts-lookup-submit">Look up</button>
      </form>
      <ErrorMessage error={one.error} />
      {one.data && <DocumentView doc={one.data.document} />}
      <form className="card parts-search-row" onSubmit={(e) => (e.preventDefault(), list.mutate())}>
        {field('End user id', 'userId')}{field('Vendor id', 'vendorId')}{field('From (YYYY-MM-DD)', 'dateFrom')}{field('To', 'dateTo')}{field('Vendor approval', 'vendorStatus')}{field('Customer approval', 'customerStatus')}
        <button type="submit" data-testid="parts-doclist-submit">List</button>
      </form>
      <ErrorMessage error={list.error} />
      {list.data && (list.data.documents.length === 0 ? <p className="muted">No sales documents match.</p> : list.data.documents.map((d, i) => <DocumentView key={i} doc={d} />))}
      <LocalSales />
    </div>
  );
}
