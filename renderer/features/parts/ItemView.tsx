import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ItemDetail, ItemKey } from '../../../shared/heavytruckparts/types';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { isTyping, money, orDash, showView } from './format';
import { ItemFields, VendorCard } from './ItemFields';
import { LogForm } from './LogForm';
import { PartImage } from './PartImage';
import { useParts } from './parts-store';
import { usePicturesIn } from '../../ui/use-picture';
import { useItem, useWholeUnit } from './queries';

function Gallery({ item, shown }: { item: ItemDetail; shown: number }) {
  if (item.images.length === 0) return <p className="muted">No pictures.</p>;
  const i = Math.min(shown, item.images.length - 1);
  return (
    <figure className="parts-gallery">
      <PartImage url={item.images[i]} alt={`${item.partName ?? 'Part'}, picture ${i + 1} of ${item.images.length}`} className="parts-picture" testId="parts-item-image" />
      <figcaption className="muted">Picture {i + 1} of {item.images.length} (← →)</figcaption>
    </figure>
  );
}

function WholeUnit({ item, userId }: { item: ItemDetail; userId: string }) {
  const open = useParts((s) => s.open);
  const unit = useWholeUnit(item.key?.vendorId ?? '', item.key?.store ?? '', item.key ? item.vendorVehicleId : null, userId);
  if (!item.vendorVehicleId || !item.key) return null;
  return (
    <section className="parts-whole-unit" data-testid="parts-whole-unit">
      <h3>From the same whole unit ({item.vendorVehicleId})</h3>
      <ErrorMessage error={unit.error} />
      <ul>
        {(unit.data?.parts ?? []).map((p, i) => (
          <li key={i}>
            <button type="button" className="link" disabled={!p.key && !p.detailsUri} onClick={() => open(p.key ?? { uri: p.detailsUri! })}>
              {orDash(p.partName)} · {orDash(p.vendorSku)} · {money(p.priceCents)}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The vendor's description: HTML sanitized in the main process (no script, style or handlers; links
 * open outside the app), its pictures fetched by the app like every other; or the plain text.
 */
function Description({ item }: { item: ItemDetail }) {
  const box = useRef<HTMLDivElement>(null);
  usePicturesIn(box, item.safeHtmlDescription ?? '');
  if (!item.safeHtmlDescription) return <p className="parts-description" data-testid="parts-item-description">{orDash(item.description)}</p>;
  return <div ref={box} className="parts-description" data-testid="parts-item-description" dangerouslySetInnerHTML={{ __html: item.safeHtmlDescription }} />;
}

/** What the clerk reads out first: the price, the core charge, what the customer pays with it, and how many there are. */
function PriceLine({ item }: { item: ItemDetail }) {
  const core = item.corePriceCents ?? 0;
  const total = item.priceCents === null ? null : item.priceCents + core;
  const available = item.availableQuantity === null ? 'Quantity not given' : `${item.availableQuantity} available`;
  return (
    <p className="parts-price-line" data-testid="parts-price-line">
      <span>
        Price <strong data-testid="parts-head-price">{money(item.priceCents)}</strong>
      </span>
      <span>{core > 0 ? <>+ core <strong data-testid="parts-head-core">{money(core)}</strong></> : 'No core charge'}</span>
      <span>
        = <strong data-testid="parts-head-total">{money(total)}</strong> {core > 0 ? 'with the core' : 'in all'}
      </span>
      <span className={item.availableQuantity === 0 ? 'warning' : undefined} data-testid="parts-head-available">{available}</span>
      {item.userId && <span className="muted">for end user {item.userId}</span>}
    </p>
  );
}

/** One item: every field, Q&A, pictures, the vendor's card, parts from the same unit, logging and the cart. */
export function ItemView({ itemRef }: { itemRef: ItemKey | { uri: string } }) {
  const endUser = useParts((s) => s.endUser);
  const addToCart = useParts((s) => s.addToCart);
  const setView = useParts((s) => s.setView);
  const item = useItem(itemRef, endUser?.userId ?? '');
  const [shown, setShown] = useState(0);
  const [added, setAdded] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const logInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    box.current?.focus();
  }, [itemRef]);
  const d = item.data;
  // Shown while the attached customer's prices are on their way: its price is not theirs.
  const repricing = item.isPlaceholderData;
  const add = () => {
    if (!d?.key || repricing) return;
    addToCart({ ...d.key, label: `${d.partName ?? ''} · ${d.vendorSku ?? ''} · ${d.vendor.company ?? ''}`, quantity: 1, priceCents: d.priceCents ?? 0, corePriceCents: d.corePriceCents || null, shippingCents: null, taxCents: null });
    setAdded(true);
  };
  const onKey = (e: KeyboardEvent) => {
    if (isTyping(e.target) && e.key !== 'Escape') return;
    const keys: Record<string, () => void> = {
      Escape: () => showView(setView, 'search', 'parts-results'),
      a: add,
      l: () => logInput.current?.focus(),
      ArrowRight: () => setShown((s) => (d ? (s + 1) % Math.max(1, d.images.length) : s)),
      ArrowLeft: () => setShown((s) => (d ? (s - 1 + d.images.length) % Math.max(1, d.images.length) : s)),
    };
    const run = keys[e.key];
    if (run) {
      e.preventDefault();
      run();
    }
  };
  return (
    <div className="parts-item" tabIndex={-1} ref={box} onKeyDown={onKey} data-testid="parts-item" aria-label="Item details">
      <p className="muted">
        <kbd>Esc</kbd> back to results · <kbd>A</kbd> add to cart · <kbd>L</kbd> log the call · <kbd>F4</kbd> customer · <kbd>F6</kbd> cart
      </p>
      <ErrorMessage error={item.error} testId="parts-item-error" />
      {item.isPending && <p className="muted">Loading details…</p>}
      {d && (
        <>
          <h2 data-testid="parts-item-title">
            {orDash(d.partName)} · {[d.partManufacturer ?? d.vehicleMake, d.partModel ?? d.vehicleModel].filter(Boolean).join(' ') || orDash(d.makeModel)} · {orDash(d.year)}
          </h2>
          <PriceLine item={d} />
          <div className="parts-item-actions">
            <button type="button" onClick={add} disabled={!d.key || repricing} data-testid="parts-add-to-cart">Add to cart (A)</button>
            {repricing && <span className="muted" data-testid="parts-repricing">Getting {endUser?.name ?? 'the customer'}’s prices…</span>}
            {added && <span className="ok" data-testid="parts-added">In the cart. F6 opens it.</span>}
          </div>
          <div className="parts-item-body">
            <div>
              <Gallery item={d} shown={shown} />
              <VendorCard vendor={d.vendor} />
            </div>
            <div>
              <ItemFields item={d} />
              <Description item={d} />
            </div>
            <div>
              <LogForm ref={logInput} item={d} endUser={endUser} onDone={() => box.current?.focus()} />
              <WholeUnit item={d} userId={endUser?.userId ?? ''} />
            </div>
          </div>
        </>
      )}
      {!d && !item.isPending && !item.error && <EmptyState title="No item">Choose a result first.</EmptyState>}
    </div>
  );
}
