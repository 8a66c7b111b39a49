import type { EndUser } from '../../../shared/heavytruckparts/types';

export interface AddressText {
  contact: string;
  company: string;
  email: string;
  street: string;
  city: string;
  state: string;
  postalCode: string;
  country: string;
  phone: string;
  fax: string;
}

export const emptyAddress: AddressText = { contact: '', company: '', email: '', street: '', city: '', state: '', postalCode: '', country: '', phone: '', fax: '' };

export function addressOf(u: EndUser | null): AddressText {
  if (!u) return emptyAddress;
  return { contact: u.name ?? '', company: u.company ?? '', email: u.email ?? '', street: u.street ?? '', city: u.city ?? '', state: u.state ?? '', postalCode: u.zip ?? '', country: u.countryCode ?? u.country ?? '', phone: u.phone ?? '', fax: '' };
}

const labels: [keyof AddressText, string][] = [['contact', 'Contact'], ['company', 'Company'], ['email', 'E-mail'], ['phone', 'Phone'], ['street', 'Street'], ['city', 'City'], ['state', 'State'], ['postalCode', 'Zip'], ['country', 'Country']];

export function AddressFields({ title, value, onChange, prefix, withFax }: { title: string; value: AddressText; onChange: (v: AddressText) => void; prefix: string; withFax?: boolean }) {
  return (
    <fieldset className="parts-address">
      <legend>{title}</legend>
      {[...labels, ...(withFax ? ([['fax', 'Fax']] as [keyof AddressText, string][]) : [])].map(([k, label]) => (
        <label key={k}>
          {label}
          <input value={value[k]} onChange={(e) => onChange({ ...value, [k]: e.target.value })} data-testid={`${prefix}-${k}`} />
        </label>
      ))}
    </fieldset>
  );
}
