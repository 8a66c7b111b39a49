import { useState } from 'react';
import type { SyncSettings } from '../../../shared/inventory/schemas';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { CountField } from '../../ui/NumberField';
import { useUpdateSyncSettings } from './queries';

type Setter = <K extends keyof SyncSettings>(key: K, value: SyncSettings[K]) => void;

/** When loads run and how far back each one reaches. */
function ScheduleFields({ draft, set, onProblem }: { draft: SyncSettings; set: Setter; onProblem: (field: string, problem: string | null) => void }) {
  return (
    <>
      <label className="checkbox">
        <input type="checkbox" checked={draft.autoSync} onChange={(e) => set('autoSync', e.target.checked)} /> Load changes automatically
      </label>
      <label>
        Every (minutes)
        <CountField min={1} max={1440} what="interval in minutes" value={draft.intervalMinutes} onValue={(n) => set('intervalMinutes', n)} onProblem={(p) => onProblem('interval', p)} testId="inventory-setting-interval" />
      </label>
      <label>
        Overlap (minutes, 5–15)
        <CountField min={5} max={15} what="overlap in minutes" value={draft.overlapMinutes} onValue={(n) => set('overlapMinutes', n)} onProblem={(p) => onProblem('overlap', p)} testId="inventory-setting-overlap" />
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
  const set: Setter = (key, value) => setDraft((d) => ({ ...d, [key]: value }));
  // Fields whose text cannot be read: nothing is saved until they are corrected.
  const [unread, setUnread] = useState<Record<string, string | null>>({});
  const blocked = Object.values(unread).some((p) => p !== null);
  const dirty = JSON.stringify(draft) !== JSON.stringify(settings);
  return (
    <details className="inventory-settings" data-testid="inventory-settings">
      <summary>Sync settings</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!blocked) update.mutate(draft);
        }}
      >
        <ScheduleFields draft={draft} set={set} onProblem={(field, p) => setUnread((u) => ({ ...u, [field]: p }))} />
        <RequestFields draft={draft} set={set} categories={categories} />
        <small className="muted">Changing the category, consignor or either option makes the next load a full one.</small>
        <button type="submit" disabled={!dirty || blocked || update.isPending} data-testid="inventory-settings-save">
          Save settings
        </button>
        <ErrorMessage error={update.error} testId="inventory-settings-error" />
      </form>
    </details>
  );
}
