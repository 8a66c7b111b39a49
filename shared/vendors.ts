import { z } from 'zod';

/** The vendor connections the app knows; one card each on the Connections screen. */
export const vendorIds = ['simpleconsign', 'ifpos', 'trax-retail', 'heavytruckparts'] as const;
export const vendorIdSchema = z.enum(vendorIds);
export type VendorId = z.infer<typeof vendorIdSchema>;

export const heavyTruckPartsDomains = [
  { url: 'https://api.heavytruckparts.net', label: 'Heavy Truck (ITrack Pro HT, Chromium Heavy Truck, Enterprise)' },
  { url: 'https://api.yellowironparts.net', label: 'Yellow Iron (ITrack Pro YellowIron)' },
  { url: 'https://api.recyclers.net', label: 'Automotive (ITrack Pro Auto)' },
  { url: 'https://api.cyclerecyclers.net', label: 'Motorcycle (ITrack Pro MC)' },
] as const;

export interface SecretField {
  /** Keychain account suffix and form field id. */
  id: string;
  label: string;
  /** Stored exactly as typed (spaces at either end included); other credentials are trimmed. */
  exact?: boolean;
}

export interface VendorInfo {
  id: VendorId;
  name: string;
  /** What the store uses it for, shown on its card. */
  purpose: string;
  secrets: SecretField[];
}

export const vendors: Record<VendorId, VendorInfo> = {
  simpleconsign: {
    id: 'simpleconsign',
    name: 'SimpleConsign',
    purpose: 'Online sales and returns (Online Transactions v2) and the inventory copy (List and Search Inventory).',
    secrets: [{ id: 'apiKey', label: 'Location API key' }],
  },
  ifpos: {
    id: 'ifpos',
    name: 'TRAX dealer CRM (IFPOS)',
    purpose: 'Posts every completed or modified sale to TRAX at once.',
    secrets: [{ id: 'apiKey', label: 'IFPOS dealer API key' }],
  },
  'trax-retail': {
    id: 'trax-retail',
    name: 'Trax Retail Product Import',
    purpose: 'Uploads product sheets and tracks their import.',
    secrets: [{ id: 'authToken', label: 'Project auth token' }],
  },
  heavytruckparts: {
    id: 'heavytruckparts',
    name: 'HeavyTruckParts.net (ITrack)',
    purpose: 'Parts search, details, call logging and sales documents.',
    secrets: [{ id: 'password', label: 'API password', exact: true }],
  },
};
