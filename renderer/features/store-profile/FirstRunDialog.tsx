import { useEffect, useRef, useState } from 'react';
import { useStoreProfile } from '../../locale/formats';
import { StoreProfileForm } from './StoreProfileForm';

/** On the first start the store's details are asked for, so no receipt goes out without them; "Later" asks again next start. */
export function FirstRunDialog() {
  const profile = useStoreProfile();
  const [later, setLater] = useState(false);
  const ref = useRef<HTMLDialogElement>(null);
  const open = !!profile.data && !profile.data.saved && !later;
  useEffect(() => {
    const d = ref.current;
    if (open && d && !d.open) d.showModal();
  }, [open]);
  if (!open) return null;
  return (
    <dialog ref={ref} className="confirm-dialog first-run" aria-labelledby="first-run-title" onCancel={(e) => (e.preventDefault(), setLater(true))} data-testid="first-run">
      <h2 id="first-run-title">Welcome: tell us about the store</h2>
      <p>Receipts carry these details. You can change them at any time under Sales, in “Store details”.</p>
      <StoreProfileForm profile={profile.data.profile} submitLabel="Save and start" autoFocus>
        <button type="button" className="secondary" onClick={() => setLater(true)} data-testid="first-run-later">
          Later
        </button>
      </StoreProfileForm>
    </dialog>
  );
}
