import { useState } from 'react';
import { parseTaxRate, type CounterSettings } from '../../../shared/sales/counter';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useUpdateCounterSettings } from './queries';
import { useSaleDraft } from './sale-store';

/** The store's name on receipts, the usual tax rate and how items without a taxable flag are taxed. */
export function CounterSettingsForm({ settings }: { settings: CounterSettings }) {
  const [draft, setDraft] = useState(settings);
  const update = useUpdateCounterSettings();
  const rateBad = parseTaxRate(draft.taxRate) === null;
  const dirty = JSON.stringify(draft) !== JSON.stringify(settings);
  return (
    <details className="card counter-settings" data-testid="counter-settings">
      <summary>Counter settings{settings.storeName ? ` · ${settings.storeName}` : ' · store name not set'}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (rateBad) return;
          update.mutate(draft, {
            onSuccess: (saved) => {
              // The sale on the counter follows the new rate unless a rate was typed for it.
              const sale = useSaleDraft.getState();
              if (sale.taxRate === settings.taxRate) sale.set({ taxRate: saved.taxRate });
            },
          });
        }}
      >
        <label>
          Store name (on receipts)
          <input value={draft.storeName} maxLength={80} onChange={(e) => setDraft({ ...draft, storeName: e.target.value })} data-testid="counter-store-name" />
        </label>
        <label>
          Tax rate (%)
          <input className="price" inputMode="decimal" value={draft.taxRate} onChange={(e) => setDraft({ ...draft, taxRate: e.target.value })} aria-invalid={rateBad} data-testid="counter-tax-rate" />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={draft.taxableByDefault} onChange={(e) => setDraft({ ...draft, taxableByDefault: e.target.checked })} data-testid="counter-taxable-default" /> Items without a
          taxable flag in the inventory are taxable
        </label>
        {rateBad && <span className="warning">Type the tax rate as a percentage, e.g. 8.25.</span>}
        <button type="submit" disabled={!dirty || rateBad || update.isPending} data-testid="counter-settings-save">
          Save counter settings
        </button>
        {update.isSuccess && !dirty && (
          <span className="ok-message" role="status">
            Saved. New sales use them.
          </span>
        )}
        <ErrorMessage error={update.error} testId="counter-settings-error" />
      </form>
    </details>
  );
}
