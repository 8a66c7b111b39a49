import { create } from 'zustand';
import type { SaleCustomerInput } from '../../../shared/sales/customer';

const empty = { name: '', phone: '', email: '', address: '' };

interface CustomerDraft {
  customer: typeof empty;
  set: (patch: Partial<typeof empty>) => void;
  clear: () => void;
}

/** The customer of the sale in progress; kept apart from the lines so either can change alone. */
export const useCustomerDraft = create<CustomerDraft>((set) => ({
  customer: empty,
  set: (patch) => set((s) => ({ customer: { ...s.customer, ...patch } })),
  clear: () => set({ customer: empty }),
}));

/** The customer to send with the sale, or nothing when no field is filled. */
export function customerInput(c: typeof empty): { customer?: SaleCustomerInput } {
  return Object.values(c).some((v) => v.trim() !== '') ? { customer: c } : {};
}

const fields: { key: keyof typeof empty; label: string; type?: string; max: number }[] = [
  { key: 'name', label: 'Name', max: 120 },
  { key: 'phone', label: 'Phone', type: 'tel', max: 40 },
  { key: 'email', label: 'E-mail', type: 'email', max: 200 },
  { key: 'address', label: 'Address', max: 300 },
];

/** Optional customer details; TRAX (IFPOS) receives them with the sale. Folded away until needed. */
export function CustomerFields() {
  const { customer, set } = useCustomerDraft();
  const filled = Object.values(customer).some((v) => v.trim() !== '');
  return (
    <details className="sale-customer" open={filled || undefined} data-testid="sale-customer">
      <summary>Customer (optional){filled && customer.name ? `: ${customer.name}` : ''}</summary>
      <div className="customer-fields">
        {fields.map((f) => (
          <label key={f.key}>
            {f.label}
            <input type={f.type ?? 'text'} value={customer[f.key]} maxLength={f.max} onChange={(e) => set({ [f.key]: e.target.value })} data-testid={`sale-customer-${f.key}`} />
          </label>
        ))}
      </div>
      <p className="muted">Sent to TRAX (IFPOS) with the sale; SimpleConsign does not take customer details.</p>
    </details>
  );
}
