import type { ReactNode } from 'react';
import type { ItemDetail, VendorCard as Vendor } from '../../../shared/heavytruckparts/types';
import { money, orDash } from './format';

function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </>
  );
}

/** Every documented field of an item, then whatever else the vendor sent. */
export function ItemFields({ item }: { item: ItemDetail }) {
  return (
    <dl className="parts-fields" data-testid="parts-item-fields">
      <Field label="Price" testId="parts-item-price">{money(item.priceCents)}{item.userId ? ` (for end user ${item.userId})` : ''}</Field>
      <Field label="Core price" testId="parts-item-core">{money(item.corePriceCents)}</Field>
      <Field label="Available">{orDash(item.availableQuantity)}</Field>
      <Field label="Part type">{orDash(item.partName)}</Field>
      <Field label="Vendor’s part name">{orDash(item.vendorPartName)}</Field>
      <Field label="Year">{orDash(item.year)}</Field>
      <Field label="Vehicle">{[item.vehicleMake, item.vehicleModel].filter(Boolean).join(' ') || '—'}</Field>
      <Field label="Manufacturer and model">{[item.partManufacturer, item.partModel].filter(Boolean).join(' ') || orDash(item.makeModel)}</Field>
      <Field label="OEM number">{orDash(item.oemNumber)}</Field>
      <Field label="Serial number">{orDash(item.serialNumber)}</Field>
      <Field label="Tag number (SKU)" testId="parts-item-sku">{orDash(item.vendorSku)}</Field>
      <Field label="Inventory id">{item.key ? `${item.key.vendorId} / ${item.key.store} / ${item.key.inventoryId}` : '—'}</Field>
      <Field label="Whole unit id">{orDash(item.vendorVehicleId)}</Field>
      <Field label="VIN">{orDash(item.vin)}</Field>
      <Field label="Condition">{orDash(item.condition)}</Field>
      <Field label="Category">{orDash(item.category ?? item.type)}</Field>
      <Field label="Side">{orDash(item.side)}</Field>
      {item.qa.map((q) => <Field key={`qa-${q.label}`} label={q.label}>{q.value}</Field>)}
      {item.extra.map((q) => <Field key={`x-${q.label}`} label={q.label}>{q.value}</Field>)}
    </dl>
  );
}

/** The vendor's contact card, laid out to be read out on the phone. */
export function VendorCard({ vendor }: { vendor: Vendor }) {
  return (
    <address className="parts-vendor card" data-testid="parts-vendor-card">
      <strong>{orDash(vendor.company)}</strong>
      {vendor.contact && <span>Contact: {vendor.contact}</span>}
      {vendor.phone && <span>Phone: <a href={`tel:${vendor.phone}`} target="_blank" rel="noopener noreferrer">{vendor.phone}</a></span>}
      {vendor.fax && <span>Fax: {vendor.fax}</span>}
      {vendor.email && <span>E-mail: <a href={`mailto:${vendor.email}`} target="_blank" rel="noopener noreferrer">{vendor.email}</a></span>}
      <span>{[vendor.street, vendor.city, vendor.state, vendor.postalCode, vendor.country].filter(Boolean).join(', ') || '—'}</span>
      <span className="muted">Vendor {orDash(vendor.vendorId)}, store {orDash(vendor.store)}</span>
    </address>
  );
}
