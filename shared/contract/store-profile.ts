import { z } from 'zod';
import { DEFAULT_CURRENCY, isCentsCurrency, isLocaleTag } from '../locale/formats';

/** What happens to the receipt once a sale is recorded: nothing until asked, printed, or saved as a PDF. */
export const receiptAfterSaleOptions = ['none', 'print', 'pdf'] as const;
export const receiptAfterSaleLabels: Record<(typeof receiptAfterSaleOptions)[number], string> = {
  none: 'Only when asked',
  print: 'Print it',
  pdf: 'Save it as a PDF',
};

/** The store as its receipts and screens show it: its details, its currency, and how numbers and dates are written. */
export const storeProfileSchema = z
  .object({
    name: z.string().trim().max(80, 'The store name is at most 80 characters.'),
    address: z.string().trim().max(300, 'The address is at most 300 characters.'),
    phone: z.string().trim().max(40, 'The phone number is at most 40 characters.'),
    returnPolicy: z.string().trim().max(600, 'The return policy is at most 600 characters.'),
    receiptFooter: z.string().trim().max(300, 'The receipt footer is at most 300 characters.'),
    /** ISO 4217; amounts are kept in cents, so only currencies with two decimals. */
    currency: z.string().refine(isCentsCurrency, 'Choose a currency with cents, such as USD, CAD or EUR.'),
    /** BCP 47 tag for numbers and dates; empty follows the workstation. */
    locale: z.string().refine((t) => t === '' || isLocaleTag(t), 'Choose a known language and region, such as en-US or de-DE.'),
    receiptAfterSale: z.enum(receiptAfterSaleOptions),
  })
  .strict();
export type StoreProfile = z.infer<typeof storeProfileSchema>;

export const defaultStoreProfile: StoreProfile = { name: '', address: '', phone: '', returnPolicy: '', receiptFooter: '', currency: DEFAULT_CURRENCY, locale: '', receiptAfterSale: 'none' };

/** The profile, and whether the store has saved it (until then the app asks for it). */
export const storeProfileStateSchema = z.object({ profile: storeProfileSchema, saved: z.boolean() });
export type StoreProfileState = z.infer<typeof storeProfileStateSchema>;

/** The workstation's own locale, as its operating system (or the browser shell's environment) says. */
export const workstationLocaleSchema = z.object({
  /** BCP 47 for numbers and dates; null when the system does not say (a "C" locale). */
  locale: z.string().nullable(),
  /** The user's preferred languages, most preferred first. */
  languages: z.array(z.string()),
});
export type WorkstationLocale = z.infer<typeof workstationLocaleSchema>;
