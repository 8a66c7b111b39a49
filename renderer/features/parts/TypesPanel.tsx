import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { FunctionGroup } from '../../../shared/heavytruckparts/types';
import { api, unwrap } from '../../api/bridge';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { emptyCriteria } from './parts-store';
import { useSearchNow } from './queries';

/** One level of the function-group hierarchy; a group opens its children or searches as a mapped type. */
function GroupLevel({ category, parent, onSearch }: { category: string; parent: FunctionGroup | null; onSearch: (name: string) => void }) {
  const [open, setOpen] = useState<FunctionGroup | null>(null);
  const level = useQuery({ queryKey: ['parts', 'function-groups', category, parent?.id ?? ''], queryFn: () => unwrap(api.parts.listFunctionGroups({ category, parent: parent?.id ?? '' })) });
  return (
    <div className="parts-group-level">
      <ErrorMessage error={level.error} />
      {level.data?.groups.length === 0 && <p className="muted">No groups below {parent?.name ?? 'the top'}.</p>}
      <ul>
        {(level.data?.groups ?? []).map((g) => (
          <li key={g.id}>
            <button type="button" className="link" onClick={() => setOpen(open?.id === g.id ? null : g)} data-testid={`parts-group-${g.id}`}>{open?.id === g.id ? '▾' : '▸'} {g.name}</button>{' '}
            <button type="button" className="secondary" onClick={() => onSearch(g.name)} data-testid={`parts-group-search-${g.id}`}>Search</button>
            {open?.id === g.id && <GroupLevel category={category} parent={g} onSearch={onSearch} />}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Mapped types and function groups as another way into search. */
export function TypesPanel() {
  const search = useSearchNow();
  const [category, setCategory] = useState('');
  const [mapped, setMapped] = useState('');
  const types = useMutation({ mutationFn: () => unwrap(api.parts.listMappedTypes({ mappedType: mapped })) });
  const searchAs = (partType: string) => search({ ...emptyCriteria, partType });
  return (
    <section className="card" data-testid="parts-types">
      <h2>Function groups</h2>
      <label>Category (empty for all)<input value={category} onChange={(e) => setCategory(e.target.value)} data-testid="parts-group-category" /></label>
      <GroupLevel key={category} category={category} parent={null} onSearch={searchAs} />
      <h2>Mapped type</h2>
      <form className="parts-search-row" onSubmit={(e) => (e.preventDefault(), types.mutate())}>
        <label>Your mapped type<input value={mapped} onChange={(e) => setMapped(e.target.value)} data-testid="parts-mapped-type" /></label>
        <button type="submit" data-testid="parts-mapped-submit">Show its part types</button>
      </form>
      <ErrorMessage error={types.error} />
      {types.data && (
        <ul data-testid="parts-mapped-result">
          {types.data.types.length === 0 && <li className="muted">No HeavyTruckParts part types behind “{mapped}”.</li>}
          {types.data.types.map((t) => (
            <li key={`${t.partType}-${t.partName}`}>
              <button type="button" className="link" onClick={() => searchAs(t.partName)}>{t.partName}</button> <span className="muted">({t.partType})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
