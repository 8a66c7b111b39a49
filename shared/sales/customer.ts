import { z } from 'zod';

const field = (max: number, label: string) => z.string().trim().max(max, `${label} is at most ${max} characters.`).default('');

/**
 * The customer a sale may name. TRAX's dealer pages say IFPOS takes the customer's details with the
 * sale; the exact fields are not published, so the app keeps its own and maps them in the IFPOS payload
 * model (shared/ifpos/payload.ts). Every field is optional; a customer with no field filled is no customer.
 */
export const saleCustomerSchema = z
  .object({
    name: field(120, 'The name'),
    phone: field(40, 'The phone number').refine((v) => v === '' || /^[0-9+().\-\s/x]{3,40}$/i.test(v), 'A phone number uses digits, spaces and + ( ) - . / x only.'),
    email: field(200, 'The e-mail address').refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'Enter the e-mail address as name@example.com.'),
    address: field(300, 'The address'),
  })
  .strict();

export type SaleCustomer = z.output<typeof saleCustomerSchema>;
export type SaleCustomerInput = z.input<typeof saleCustomerSchema>;

export function isEmptyCustomer(c: SaleCustomer | null | undefined): boolean {
  return !c || (!c.name && !c.phone && !c.email && !c.address);
}
