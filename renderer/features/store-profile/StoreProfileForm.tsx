import { useMemo, useState, type ReactNode } from 'react';
import { receiptAfterSaleLabels, receiptAfterSaleOptions, storeProfileSchema, type StoreProfile } from '../../../shared/contract/store-profile';
import { formats } from '../../../shared/locale/formats';
import { useUpdateStoreProfile, useWorkstationLocale } from '../../locale/formats';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { currencyChoices, localeChoices, localeLabel } from './choices';

/** A fixed day for the sample, so the form draws the same each time. */
const SAMPLE_DAY = Date.UTC(2026, 2, 14, 12);

type TextKey = 'name' | 'address' | 'phone' | 'returnPolicy' | 'receiptFooter';
const textFields: { key: TextKey; label: string; rows?: number; max: number; hint?: string }[] = [
  { key: 'name', label: 'Store name', max: 80 },
  { key: 'address', label: 'Address', rows: 3, max: 300 },
  { key: 'phone', label: 'Phone', max: 40 },
  { key: 'returnPolicy', label: 'Return policy', rows: 3, max: 600, hint: 'Printed on every receipt.' },
  { key: 'receiptFooter', label: 'Receipt footer', rows: 2, max: 300, hint: 'A closing line, e.g. “Thank you for shopping with us!”' },
];

function TextFields({ draft, set, autoFocus }: { draft: StoreProfile; set: (patch: Partial<StoreProfile>) => void; autoFocus: boolean }) {
  return (
    <fieldset className="store-profile-group">
      <legend>On every receipt</legend>
      {textFields.map((t) => (
        <label key={t.key}>
          {t.label}
          {t.rows ? (
            <textarea rows={t.rows} maxLength={t.max} value={draft[t.key]} onChange={(e) => set({ [t.key]: e.target.value })} data-testid={`store-${t.key}`} />
          ) : (
            <input maxLength={t.max} value={draft[t.key]} onChange={(e) => set({ [t.key]: e.target.value })} data-testid={`store-${t.key}`} autoFocus={autoFocus && t.key === 'name'} />
          )}
          {t.hint && <small className="muted">{t.hint}</small>}
        </label>
      ))}
    </fieldset>
  );
}

function FormatFields({ draft, set }: { draft: StoreProfile; set: (patch: Partial<StoreProfile>) => void }) {
  const workstation = useWorkstationLocale();
  const currencies = useMemo(() => currencyChoices(), []);
  const own = workstation.data?.locale ?? navigator.language;
  const sample = formats({ locale: draft.locale || own, currency: draft.currency });
  return (
    <fieldset className="store-profile-group">
      <legend>Money, numbers and dates</legend>
      <label>
        Currency
        <select value={draft.currency} onChange={(e) => set({ currency: e.target.value })} data-testid="store-currency">
          {currencies.map((c) => (
            <option key={c.code} value={c.code}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Number and date format
        <select value={draft.locale} onChange={(e) => set({ locale: e.target.value })} data-testid="store-locale">
          <option value="">This workstation’s: {localeLabel(own)}</option>
          {localeChoices.map((l) => (
            <option key={l} value={l}>
              {localeLabel(l)}
            </option>
          ))}
        </select>
      </label>
      <p className="muted" data-testid="store-format-sample">
        Amounts show as {sample.money(123450)}, dates as {sample.date(SAMPLE_DAY)}. Amounts are typed as {sample.amount(1250)}.
      </p>
      <label>
        After each sale, the receipt
        <select value={draft.receiptAfterSale} onChange={(e) => set({ receiptAfterSale: e.target.value as StoreProfile['receiptAfterSale'] })} data-testid="store-receipt-after-sale">
          {receiptAfterSaleOptions.map((o) => (
            <option key={o} value={o}>
              {receiptAfterSaleLabels[o]}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}

/** The store's details, printed on receipts, and its currency and formats. */
export function StoreProfileForm(props: { profile: StoreProfile; onSaved?: () => void; submitLabel?: string; autoFocus?: boolean; children?: ReactNode }) {
  const { profile, onSaved, submitLabel = 'Save store details', autoFocus = false, children } = props;
  const [draft, setDraft] = useState(profile);
  const update = useUpdateStoreProfile();
  const set = (patch: Partial<StoreProfile>) => setDraft((d) => ({ ...d, ...patch }));
  const checked = storeProfileSchema.safeParse(draft);
  return (
    <form
      className="store-profile-form"
      data-testid="store-profile-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (checked.success) update.mutate(checked.data, { onSuccess: () => onSaved?.() });
      }}
    >
      <TextFields draft={draft} set={set} autoFocus={autoFocus} />
      <FormatFields draft={draft} set={set} />
      {!checked.success && <p className="warning">{checked.error.issues.map((i) => i.message).join(' ')}</p>}
      <div className="form-actions">
        <button type="submit" disabled={!checked.success || update.isPending} data-testid="store-profile-save">
          {submitLabel}
        </button>
        {children}
        {update.isSuccess && (
          <span className="ok-message" role="status">
            Saved.
          </span>
        )}
      </div>
      <ErrorMessage error={update.error} testId="store-profile-error" />
    </form>
  );
}
