import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { ItemDetail } from '../../../shared/inventory/schemas';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { money, orDash, when, yesNo } from './format';
import { useItem } from './queries';
import { VendorPicture } from '../../ui/VendorPicture';

function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </>
  );
}

function Pictures({ item }: { item: ItemDetail }) {
  const [shown, setShown] = useState(0);
  if (item.images.length === 0) return <p className="muted">No pictures.</p>;
  const current = item.images[Math.min(shown, item.images.length - 1)];
  return (
    <div className="inventory-pictures">
      <a href={current.originalUrl} target="_blank" rel="noreferrer noopener">
        <VendorPicture url={current.largeUrl} alt={`${item.name ?? item.sku}, picture ${shown + 1}`} className="inventory-picture" testId="inventory-item-image" />
      </a>
      {item.images.length > 1 && (
        <div className="inventory-picture-strip">
          {item.images.map((img, i) => (
            <button type="button" key={img.name} className={i === shown ? 'active' : ''} onClick={() => setShown(i)} aria-label={`Picture ${i + 1}`}>
              <VendorPicture url={img.thumbnailUrl} alt="" width={56} height={42} />
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

function Details({ item }: { item: ItemDetail }) {
  return (
    <dl className="inventory-fields">
      <Field label="SKU" testId="inventory-item-sku">{item.sku}</Field>
      <Field label="Description">{orDash(item.description)}</Field>
      <Field label="Category">{orDash(item.category)}</Field>
      <Field label="Brand">{orDash(item.brand)}</Field>
      <Field label="Size">{orDash(item.size)}</Field>
      <Field label="Color">{orDash(item.color)}</Field>
      <Field label="Family group">{orDash(item.familyGroup)}</Field>
      <Field label="Quantity">{orDash(item.quantity)}</Field>
      <Field label="Current price" testId="inventory-item-price">{money(item.currentPriceCents)}</Field>
      <Field label="Retail">{money(item.retailCents)}</Field>
      <Field label="Discount">{item.discount === null ? '—' : `${item.discount}%`}</Field>
      <Field label="Do not discount">{yesNo(item.doNotDiscount)}</Field>
      <Field label="Buyer’s fee">{money(item.buyersFeeCents)}</Field>
      <Field label="Cost">{money(item.costCents)}</Field>
      <Field label="Consignment item">{yesNo(item.consignment)}</Field>
      <Field label="Consignor ID">{orDash(item.consignorId)}</Field>
      <Field label="Consignment start">{orDash(item.startDate)}</Field>
      <Field label="Consignment expires">{orDash(item.expireDate)}</Field>
      <Field label="Status">{orDash(item.status)}</Field>
      <Field label="State">{item.state === 'A' ? 'A (active)' : orDash(item.state)}</Field>
      <Field label="E-commerce item">{yesNo(item.ecommerce)}</Field>
      <Field label="Created">{when(item.dateCreated)}</Field>
      <Field label="Last updated">{when(item.lastUpdated)}</Field>
    </dl>
  );
}

function Pairs({ title, pairs, testId, note }: { title: string; pairs: { key: string; value: string }[]; testId: string; note?: string }) {
  if (pairs.length === 0) return null;
  return (
    <section data-testid={testId}>
      <h3>{title}</h3>
      {note && <p className="muted">{note}</p>}
      <dl className="inventory-fields">
        {pairs.map((p) => (
          <Field key={p.key} label={p.key}>
            <code>{p.value}</code>
          </Field>
        ))}
      </dl>
    </section>
  );
}

/** Every field of one item, its pictures and what else the store sent. */
export function ItemPanel({ sku, dataVersion, onClose }: { sku: string; dataVersion: number; onClose: () => void }) {
  const item = useItem(sku, dataVersion);
  const panel = useRef<HTMLElement>(null);
  // Opened from the keyboard, the panel takes the focus; Esc anywhere in it closes it.
  useEffect(() => panel.current?.focus(), []);
  return (
    <aside
      ref={panel}
      tabIndex={-1}
      className="card inventory-panel"
      aria-labelledby="inventory-item-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        }
      }}
      data-testid="inventory-item-panel"
    >
      <header>
        <h2 id="inventory-item-title" data-testid="inventory-item-name">
          {item.data?.item?.name ?? sku}
        </h2>
        <button type="button" className="secondary" onClick={onClose} data-testid="inventory-item-close">
          Close
        </button>
      </header>
      <ErrorMessage error={item.error} />
      {item.data && item.data.item === null && <p className="muted">This item is no longer in the local copy.</p>}
      {item.data?.item && (
        <>
          <Pictures item={item.data.item} />
          <Details item={item.data.item} />
          <Pairs title="Also sent by the store" pairs={item.data.item.extra} testId="inventory-item-extra" />
          <Pairs title="Values that could not be read" pairs={item.data.item.unreadable} testId="inventory-item-unreadable" note="Kept as SimpleConsign sent them." />
        </>
      )}
    </aside>
  );
}
