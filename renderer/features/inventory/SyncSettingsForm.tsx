import { useState } from 'react';
import type { SyncSettings } from '../../../shared/inventory/schemas';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useUpdateSyncSettings } from './queries';

type Setter = <K extends keyof SyncSettings>(key: K, value: SyncSettings[K]) => void;

/** When loads run and how far back each one reaches. */
function ScheduleFields({ draft, set }: { draft: SyncSettings; set: Setter }) {
  return (
    <>
      <label className="checkbox">
        <input type="checkbox" checked={draft.autoSync} onChange={(e) => set('autoSync', e.target.checked)} /> Load changes automatically
      </label>
      <label>
        Every (minutes)
        <input type="number" min={1} max={1440} value={draft.intervalMinutes} onChange={(e) => set('intervalMinutes', Number(e.target.value))} data-testid="inventory-setting-interval" />
      </label>
      <label>
        Overlap (minutes, 5–15)
        <input type="number" min={5} max={15} value={draft.overlapMinutes} onChange={(e) => set('overlapMinutes', Number(e.target.value))} data-testid="inventory-setting-overlap" />
        <small className="muted">Each load asks for changes since the previous load began, minus this, so none are missed.</small>
      </label>
    </>
  );
}

/** SimpleConsign's own request options. */
function RequestFields({ draft, set, categories }: { draft: SyncSettings; set: Setter; categories: string[] }) {
  return (
    <>
      <label>
        Category
        <input type="text" list="inventory-category-options" value={draft.category} onChange={(e) => set('category', e.target.value)} placeholder="All categories" data-testid="inventory-setting-category" />
        <datalist id="inventory-category-options">
          {categories.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
      </label>
      <label>
        Consignor ID
        <input type="text" value={draft.consignorId} onChange={(e) => set('consignorId', e.target.value)} placeholder="Everyone’s items" />
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={draft.includeOnlyEcommerceItems} onChange={(e) => set('includeOnlyEcommerceItems', e.target.checked)} /> Only e-commerce items
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={draft.includeItemsWithQuantityZero} onChange={(e) => set('includeItemsWithQuantityZero', e.target.checked)} /> Keep items with quantity zero
      </label>
    </>
  );
}

/** The schedule, the overlap and SimpleConsign's own request options. */
export function SyncSettingsForm({ settings, categories }: { settings: SyncSettings; categories: string[] }) {
  const [draft, setDraft] = useState(settings);
  const update = useUpdateSyncSettings();
  const set: Setter = (key, value) => setDraft({ ...draft, [key]: value });
  const dirty = JSON.stringify(draft) !== JSON.stringify(settings);
  return (
    <details className="inventory-settings" data-testid="inventory-settings">
      <summary>Sync settings</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          update.mutate(draft);
        }}
      >
        <ScheduleFields draft={draft} set={set} />
        <RequestFields draft={draft} set={set} categories={categories} />
        <small className="muted">Changing the category, consignor or either option makes the next load a full one.</small>
        <button type="submit" disabled={!dirty || update.isPending} data-testid="inventory-settings-save">
          Save settings
        </button>
        <ErrorMessage error={update.error} testId="inventory-settings-error" />
      </form>
    </details>
  );
}
