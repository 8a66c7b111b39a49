import type { SalesDocument } from '../../../shared/heavytruckparts/sales-doc';
import { money, orDash, yesNo } from './format';

type Line = SalesDocument['lines'][number];

function LineRow({ l, child }: { l: Omit<Line, 'children'>; child?: boolean }) {
  return (
    <tr className={child ? 'child' : undefined}>
      <td>{child ? '↳ ' : ''}{orDash(l.partName)}</td>
      <td>{orDash(l.vendorSku)}</td>
      <td>{[l.vendorId, l.store, l.inventoryId].map(orDash).join(' / ')}</td>
      <td>{orDash(l.lineType)}</td>
      <td>{orDash(l.description)}</td>
      <td className="money">{money(l.priceCents)}</td>
      <td>{yesNo(l.returnable)}{l.daysToReturn !== null ? ` (${l.daysToReturn} days)` : ''}</td>
      <td>{l.adjustments.map((a) => `${a.name ?? ''} ${money(a.amountCents)}`).join('; ')}</td>
    </tr>
  );
}

/** One sales document: its state (void, closed, tracking number), totals, addresses, lines, child lines and adjustments. */
export function DocumentView({ doc }: { doc: SalesDocument }) {
  const state = doc.isVoid ? 'Void' : doc.isClosed ? `Closed ${orDash(doc.dateClosed)}` : 'Open';
  return (
    <section className="card parts-document" data-testid="parts-document">
      <h3>
        Sales document {orDash(doc.documentId)} · vendor {orDash(doc.vendorId)}, store {orDash(doc.store)} · <span data-testid="parts-document-state">{state}</span>
      </h3>
      <p>
        Online transaction {orDash(doc.onlineTransactionId)} · sold {orDash(doc.saleDate)} · created {orDash(doc.dateCreated)} · PO {orDash(doc.poNumber)} · customer {orDash(doc.userId)}
      </p>
      <p>
        Tracking number: <strong data-testid="parts-document-tracking">{orDash(doc.trackingNumber)}</strong> · truck {orDash(doc.truckNumber)} · subtotal {money(doc.subtotalCents)} · tax {money(doc.totalTaxCents)}
        {doc.vendorStatus || doc.customerStatus ? ` · vendor approval ${orDash(doc.vendorStatus)}, customer approval ${orDash(doc.customerStatus)}` : ''}
      </p>
      {doc.comments && <p>Comments: {doc.comments}</p>}
      {doc.adjustments.length > 0 && <p>Adjustments: {doc.adjustments.map((a) => `${orDash(a.name)} ${money(a.amountCents)}${a.aboveTheLine ? ' (in subtotal)' : ''}${a.taxable ? ', taxable' : ''}`).join('; ')}</p>}
      {doc.lines.length > 0 && (
        <table className="table">
          <thead><tr><th>Part</th><th>SKU</th><th>Ids</th><th>Type</th><th>Description</th><th>Price</th><th>Returnable</th><th>Adjustments</th></tr></thead>
          <tbody>
            {doc.lines.flatMap((l, i) => [<LineRow key={`l${i}`} l={l} />, ...l.children.map((c, j) => <LineRow key={`c${i}-${j}`} l={c} child />)])}
          </tbody>
        </table>
      )}
      {doc.extra.length > 0 && <p className="muted">Other fields: {doc.extra.map((x) => `${x.label}: ${x.value}`).join(' · ')}</p>}
    </section>
  );
}
