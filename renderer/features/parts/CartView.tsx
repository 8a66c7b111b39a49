import { currentFormats } from '../../../shared/locale/current';
import { useState, type KeyboardEvent } from 'react';
import { saleTotal, shippingMethods, type CartLine } from '../../../shared/heavytruckparts/sale';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { CountField, MoneyField } from '../../ui/NumberField';
import { AddressFields, addressOf, emptyAddress, type AddressText } from './AddressFields';
import { money } from './format';
import { useParts } from './parts-store';
import { useCreateSale } from './queries';
import { SaleResult } from './SaleResult';
import { SaleSheetActions } from './SaleSheet';

type Money = 'priceCents' | 'corePriceCents' | 'shippingCents' | 'taxCents';
const moneyFields: [Money, string][] = [['priceCents', 'Price'], ['corePriceCents', 'Core charge'], ['shippingCents', 'Shipping'], ['taxCents', 'Tax']];

/** What a screen reader says for a cart line: its part and tag number, not the row's position. */
const partOf = (l: CartLine) => l.label || `item ${l.inventoryId}`;

/** Price is required; core, shipping and tax may be left empty. */
function MoneyCell({ line, field, label, index }: { line: CartLine; field: Money; label: string; index: number }) {
  const update = useParts((s) => s.updateLine);
  const required = field === 'priceCents';
  return (
    <td>
      <MoneyField
        className="price"
        what={label.toLowerCase()}
        optional={!required}
        value={line[field]}
        onValue={(c) => (required ? c !== null && update(index, { priceCents: c }) : update(index, { [field]: c }))}
        aria-label={`${label} each, ${partOf(line)}`}
        testId={`parts-cart-${field}-${index}`}
      />
    </td>
  );
}

function Lines() {
  const cart = useParts((s) => s.cart);
  const update = useParts((s) => s.updateLine);
  const remove = useParts((s) => s.removeLine);
  return (
    <table className="table parts-cart-lines" data-testid="parts-cart-lines">
      <thead>
        <tr><th>Part</th><th>Qty</th>{moneyFields.map(([, l]) => <th key={l}>{l} (each)</th>)}<th>Remove</th></tr>
      </thead>
      <tbody>
        {cart.map((l, i) => (
          <tr key={`${l.vendorId}/${l.store}/${l.inventoryId}`} data-testid={`parts-cart-line-${i}`}>
            <td>{l.label}<small className="muted"> {l.vendorId}/{l.store}/{l.inventoryId}</small></td>
            <td><CountField className="qty" min={1} max={999} value={l.quantity} onValue={(quantity) => update(i, { quantity })} aria-label={`Quantity of ${partOf(l)}`} testId={`parts-cart-qty-${i}`} /></td>
            {moneyFields.map(([f, label]) => <MoneyCell key={f} line={l} field={f} label={label} index={i} />)}
            <td><button type="button" className="link" onClick={() => remove(i)} aria-label={`Remove ${partOf(l)} from the cart`} data-testid={`parts-cart-remove-${i}`}>Remove</button></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const emptyMeta = { saleDate: '', shippingMethod: 'Standard' as (typeof shippingMethods)[number], poNumber: '', comments: '' };

/** The cart and its sales document (addresses start from the attached customer): Ctrl+Enter creates it (once; a lost answer is settled under Sales documents). */
export function CartView() {
  const { cart, endUser, clearCart } = useParts();
  const [billing, setBilling] = useState<AddressText>(() => addressOf(endUser));
  const [shipping, setShipping] = useState<AddressText>(emptyAddress);
  const [sameAddress, setSameAddress] = useState(true);
  const [meta, setMeta] = useState(emptyMeta);
  const create = useCreateSale();
  const draft = { lines: cart, userId: endUser?.userId ?? '', ...meta, billing, shipping: sameAddress ? billing : shipping };
  /** The next caller starts from an empty cart, PO number and addresses. */
  const forNextCaller = () => {
    clearCart();
    setMeta(emptyMeta);
    setBilling(emptyAddress);
    setShipping(emptyAddress);
    setSameAddress(true);
  };
  const submit = () => {
    if (cart.length === 0 || create.isPending) return;
    create.mutate(draft, { onSuccess: (sale) => (sale.state === 'created' || sale.state === 'partial') && forNextCaller() });
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      submit();
    }
  };
  return (
    <div className="parts-cart" onKeyDown={onKey} data-testid="parts-cart">
      <h2>Cart <span className="muted">({currentFormats().count(cart.length, 'line', 'lines')}, {money(saleTotal({ lines: cart }))})</span></h2>
      {cart.length === 0 ? <p className="muted" data-testid="parts-cart-empty">The cart is empty. Open a part and press A to add it.</p> : <Lines />}
      <form className="parts-cart-form" onSubmit={(e) => (e.preventDefault(), submit())}>
        <div className="parts-search-row">
          <label>PO number (up to 20)<input value={meta.poNumber} maxLength={20} onChange={(e) => setMeta({ ...meta, poNumber: e.target.value })} data-testid="parts-cart-po" autoFocus /></label>
          <label>
            Shipping
            <select value={meta.shippingMethod} onChange={(e) => setMeta({ ...meta, shippingMethod: e.target.value as typeof meta.shippingMethod })} data-testid="parts-cart-shipping-method">
              {shippingMethods.map((m) => <option key={m}>{m}</option>)}
            </select>
          </label>
          <label>Sale date (empty: now)<input value={meta.saleDate} placeholder="YYYY-MM-DD HH:MM:SS" onChange={(e) => setMeta({ ...meta, saleDate: e.target.value })} data-testid="parts-cart-date" /></label>
          <label>Comments<input value={meta.comments} onChange={(e) => setMeta({ ...meta, comments: e.target.value })} data-testid="parts-cart-comments" /></label>
        </div>
        <AddressFields title="Billing address" value={billing} onChange={setBilling} prefix="parts-billing" withFax />
        <label className="checkbox"><input type="checkbox" checked={sameAddress} onChange={(e) => setSameAddress(e.target.checked)} data-testid="parts-same-address" /> Ship to the billing address</label>
        {!sameAddress && <AddressFields title="Shipping address" value={shipping} onChange={setShipping} prefix="parts-shipping" />}
        <button type="submit" disabled={cart.length === 0 || create.isPending} data-testid="parts-create-sale">
          {create.isPending ? 'Creating…' : 'Create sales document (Ctrl+Enter)'}
        </button>
      </form>
      {cart.length > 0 && <SaleSheetActions kind="quote" source={draft} />}
      <ErrorMessage error={create.error} testId="parts-cart-error" />
      {create.data && <SaleResult sale={create.data} />}
    </div>
  );
}
