import { useState } from 'react';
import { readPercentMilli } from '../../../shared/locale/read-input';
import { formatTaxRate, parseTaxRate, type CounterSettings } from '../../../shared/sales/counter';
import { useFormats } from '../../locale/formats';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useUpdateCounterSettings } from './queries';
import { useSaleDraft } from './sale-store';

/** The usual tax rate and how items without a taxable flag are taxed. */
export function CounterSettingsForm({ settings }: { settings: CounterSettings }) {
  const f = useFormats();
  // The rate is typed as the workstation writes decimals, and kept in one form ("8.25") whatever the workstation.
  const [draft, setDraft] = useState({ ...settings, taxRate: f.decimal(settings.taxRate) });
  const update = useUpdateCounterSettings();
  const rate = readPercentMilli(draft.taxRate, f);
  const rateBad = !rate.ok;
  const toSave = { ...draft, taxRate: rate.ok ? formatTaxRate(rate.value) : draft.taxRate };
  const dirty = JSON.stringify(toSave) !== JSON.stringify(settings);
  return (
    <details className="card counter-settings" data-testid="counter-settings">
      <summary>Counter settings · tax rate {f.percentMilli(parseTaxRate(settings.taxRate) ?? 0)}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (rateBad) return;
          update.mutate(toSave, {
            onSuccess: (saved) => {
              // The sale on the counter follows the new rate unless a rate was typed for it.
              const sale = useSaleDraft.getState();
              if (sale.taxRate === f.decimal(settings.taxRate)) sale.set({ taxRate: f.decimal(saved.taxRate) });
            },
          });
        }}
      >
        <label>
          Tax rate (%)
          <input className="price" inputMode="decimal" value={draft.taxRate} onChange={(e) => setDraft({ ...draft, taxRate: e.target.value })} aria-invalid={rateBad} data-testid="counter-tax-rate" />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={draft.taxableByDefault} onChange={(e) => setDraft({ ...draft, taxableByDefault: e.target.checked })} data-testid="counter-taxable-default" /> Items without a
          taxable flag in the inventory are taxable
        </label>
        {!rate.ok && <span className="warning">{rate.problem}</span>}
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
