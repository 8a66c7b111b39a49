import { HEADERS } from '../../../shared/trax-retail/columns';
import type { ColumnMapping } from '../../../shared/trax-retail/header-mapping';
import { useSheetSettings } from './queries';
import { useSheet } from './sheet-store';

const why: Record<ColumnMapping['reason'], string> = {
  exact: 'same name',
  near: 'same name, other spelling',
  older: 'older import format',
  synonym: 'usual name for it',
  attribute: 'an attribute the project knows',
  unknown: '',
};

/** Where one column can go: a documented column, an attribute column (its own name, or one the project knows), or nowhere. */
function Choice({ m, attributes }: { m: ColumnMapping; attributes: string[] }) {
  const remap = useSheet((s) => s.remap);
  const own = HEADERS.includes(m.from) ? [] : [m.from];
  const extra = [...new Set([...own, ...attributes])].filter((a) => !HEADERS.includes(a));
  return (
    <select value={m.to ?? ''} onChange={(e) => remap(m.from, e.target.value || null)} aria-label={`Column for “${m.from}”`} data-testid={`mapping-${m.from}`}>
      <option value="">Leave out</option>
      <optgroup label="Trax columns">
        {HEADERS.map((h) => (
          <option key={h} value={h}>{h}</option>
        ))}
      </optgroup>
      {extra.length > 0 && (
        <optgroup label="Attribute columns">
          {extra.map((a) => (
            <option key={a} value={a}>{a === m.from ? `Attribute “${a}” (as named)` : a}</option>
          ))}
        </optgroup>
      )}
    </select>
  );
}

/**
 * Columns placed by their names (an opened file, a pasted block with a header line), shown with the
 * place each went. Changing one moves its values at once, in the same undo step; once the sheet is
 * edited otherwise, the mapping is done.
 */
export function MappingPanel() {
  const mapping = useSheet((s) => s.mapping);
  const model = useSheet((s) => s.model);
  const end = useSheet((s) => s.endMapping);
  const known = useSheetSettings().data?.knownAttributes ?? [];
  if (!mapping) return null;
  const stale = model !== mapping.result;
  const shown = mapping.columns.filter((c) => c.reason !== 'exact' || mapping.kind === 'paste');
  return (
    <section className="mapping-panel card" aria-label="Column mapping" data-testid="mapping-panel">
      <p>
        {mapping.kind === 'paste' ? 'The pasted rows had a header line: each column went where its name says.' : <>Columns of <strong>{mapping.source}</strong> placed by their names.</>}{' '}
        {stale ? 'The sheet has been edited since; Ctrl+Z undoes the mapping.' : 'Correct any that went to the wrong place.'}
      </p>
      <ul className="mapping-list">
        {shown.map((m, i) => (
          <li key={`${i}-${m.from}`}>
            <span className="mapping-from">“{m.from}”</span> →{' '}
            {stale ? <span>{m.to ?? 'left out'}</span> : <Choice m={m} attributes={[...known, ...(model?.attributes ?? [])]} />}
            {why[m.reason] && <span className="muted"> {why[m.reason]}</span>}
          </li>
        ))}
      </ul>
      <button type="button" className="secondary" onClick={end} data-testid="mapping-done">Done</button>
    </section>
  );
}
