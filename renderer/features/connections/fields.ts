import { heavyTruckPartsDomains, type VendorId } from '../../../shared/vendors';

export interface SettingField {
  key: string;
  label: string;
  kind: 'text' | 'checkbox';
  hint?: string;
  /** Suggestions offered while typing. */
  options?: readonly { url: string; label: string }[];
}

/** The non-secret settings each card shows, in order. */
export const settingFields: Record<VendorId, SettingField[]> = {
  simpleconsign: [{ key: 'baseUrl', label: 'API address', kind: 'text', hint: 'Transactions go to …/transaction, inventory to …/inventory.' }],
  ifpos: [
    { key: 'url', label: 'IFPOS address', kind: 'text' },
    { key: 'keyInUrl', label: 'Key is part of the address', kind: 'checkbox', hint: 'TRAX’s alternative method: write {apiKey} in the address where the key goes.' },
    { key: 'showroomId', label: 'ShowroomID', kind: 'text' },
    { key: 'employeeId', label: 'EmployeeID', kind: 'text' },
    {
      key: 'minCallSpacingSeconds',
      label: 'Seconds between calls',
      kind: 'text',
      hint: 'IFPOS is rate limited and not for batches: after an outage, waiting sales go out one at a time, this far apart.',
    },
  ],
  'trax-retail': [
    { key: 'host', label: 'Host', kind: 'text' },
    { key: 'project', label: 'Project', kind: 'text' },
  ],
  heavytruckparts: [
    { key: 'domain', label: 'API domain', kind: 'text', options: heavyTruckPartsDomains, hint: 'The domain ISoft assigned for your ITrack product.' },
    { key: 'username', label: 'API user', kind: 'text' },
  ],
};
