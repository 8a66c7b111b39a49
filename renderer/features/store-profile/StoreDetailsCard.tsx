import { useStoreProfile } from '../../locale/formats';
import { StoreProfileForm } from './StoreProfileForm';

/** The store's details, currency and formats, folded away under the counter until needed. */
export function StoreDetailsCard() {
  const profile = useStoreProfile();
  if (!profile.data) return null;
  const name = profile.data.profile.name;
  return (
    <details className="card store-details" data-testid="store-details">
      <summary>Store details, currency and receipts{name ? ` · ${name}` : ''}</summary>
      <StoreProfileForm key={JSON.stringify(profile.data.profile)} profile={profile.data.profile} />
    </details>
  );
}
