import { currentFormats } from '../../../shared/locale/current';
import { useMemo } from 'react';
import { listIssues, type ValidationState } from '../../../shared/trax-retail/incremental';
import { columnsOf } from './sheet-ops';
import { useSheet } from './sheet-store';

const SHOWN = 300;

/** The count of errors and warnings, and each one: a click goes to its cell. */
export function IssuesPanel({ validation, onJump }: { validation: ValidationState; onJump: (row: number, col: number) => void }) {
  const model = useSheet((s) => s.model)!;
  const vendor = useSheet((s) => s.vendor);
  const index = useMemo(() => new Map(model.rows.map((r, i) => [r.id, i])), [model.rows]);
  const columns = columnsOf(model);
  const issues = listIssues(model, validation);
  const vendorList = vendor ? [...vendor.byRow.values()].flat() : [];
  const jump = (rowId: string | null, column: string | null) => {
    const row = rowId ? index.get(rowId) : undefined;
    if (row !== undefined) onJump(row, Math.max(0, column ? columns.indexOf(column) : 0));
  };
  return (
    <aside className="issues-panel card" aria-label="Problems in the sheet">
      <p className="issues-summary" data-testid="issues-summary">
        <span className={validation.errors > 0 ? 'bad-count' : 'ok-count'} data-testid="error-count">{currentFormats().count(validation.errors, 'error', 'errors')}</span>
        {' · '}
        <span data-testid="warning-count">{currentFormats().count(validation.warnings, 'warning', 'warnings')}</span>
        {vendorList.length > 0 && <span data-testid="vendor-count"> · {vendorList.length} from Trax</span>}
      </p>
      <ul className="issues-list">
        {vendorList.map((v, i) => (
          <li key={`v${i}`} className="issue-vendor">
            <button type="button" className="link" onClick={() => jump(v.rowId, v.column)} data-testid="vendor-issue">
              Row {v.rowId ? (index.get(v.rowId) ?? 0) + 1 : '?'}{v.column ? ` · ${v.column}` : ''}: Trax: {v.message}
            </button>
          </li>
        ))}
        {issues.slice(0, SHOWN).map((i, n) => (
          <li key={n} className={`issue-${i.severity}`}>
            {i.rowId ? (
              <button type="button" className="link" onClick={() => jump(i.rowId, i.column)} data-testid="issue-link">
                Row {(index.get(i.rowId) ?? 0) + 1}{i.column ? ` · ${i.column}` : ''}: {i.message}
              </button>
            ) : (
              <span>{i.message}</span>
            )}
          </li>
        ))}
        {issues.length > SHOWN && <li className="muted">… and {issues.length - SHOWN} more.</li>}
      </ul>
      {vendor && vendor.unmatched.length > 0 && (
        <div data-testid="unmatched-errors">
          <h4>Rows Trax reported that match no row of this sheet</h4>
          <ul className="issues-list">
            {vendor.unmatched.map((u, i) => (
              <li key={i}>
                {u.message} <span className="muted">({Object.entries(u.cells).filter(([, v]) => v).map(([k, v]) => `${k}: ${v}`).slice(0, 6).join('; ')})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </aside>
  );
}
