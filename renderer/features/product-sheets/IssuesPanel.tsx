import { currentFormats } from '../../../shared/locale/current';
import { useMemo } from 'react';
import { listIssues, type ValidationState } from '../../../shared/trax-retail/incremental';
import type { SheetIssue } from '../../../shared/trax-retail/sheet';
import { useSaveSheetSettings, useSheetSettings } from './queries';
import { columnsOf } from './sheet-ops';
import { useSheet } from './sheet-store';

const SHOWN = 300;

/** The count of errors and warnings, on the sheet's title line whether or not the panel is shown. */
export function IssuesSummary({ validation }: { validation: ValidationState }) {
  const vendor = useSheet((s) => s.vendor);
  const fromTrax = vendor ? [...vendor.byRow.values()].reduce((n, e) => n + e.length, 0) + vendor.unmatched.length : 0;
  return (
    <p className="issues-summary" data-testid="issues-summary">
      <span className={validation.errors > 0 ? 'bad-count' : 'ok-count'} data-testid="error-count">{currentFormats().count(validation.errors, 'error', 'errors')}</span>
      {' · '}
      <span data-testid="warning-count">{currentFormats().count(validation.warnings, 'warning', 'warnings')}</span>
      {fromTrax > 0 && <span data-testid="vendor-count"> · {fromTrax} in Trax’s error file</span>}
    </p>
  );
}

/** Whether the panel has anything to list: it is not shown (and takes no room) when it has not. */
export const hasIssues = (v: ValidationState, vendor: ReturnType<typeof useSheet.getState>['vendor']) =>
  v.errors + v.warnings > 0 || (vendor !== null && (vendor.byRow.size > 0 || vendor.unmatched.length > 0));

/** An attribute warning lets the user say the project knows that column (a setting), in one press. */
function KnowButton({ issue }: { issue: SheetIssue }) {
  const settings = useSheetSettings();
  const save = useSaveSheetSettings();
  const known = settings.data?.knownAttributes;
  if (issue.rowId !== null || !issue.column || !known || !issue.message.includes('known attributes')) return null;
  return (
    <button type="button" className="link" disabled={save.isPending} onClick={() => save.mutate({ knownAttributes: [...known, issue.column!] })} data-testid="know-attribute">
      The project has “{issue.column}”
    </button>
  );
}

/** Each problem: a click goes to its cell. The lines of Trax's error file are listed as Trax wrote them, under one heading. */
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
  const where = (rowId: string, column: string | null, message: string) =>
    `Row ${(index.get(rowId) ?? 0) + 1}${column && !message.includes(column) ? ` · ${column}` : ''}: `;
  return (
    <aside className="issues-panel card" aria-label="Problems in the sheet" data-testid="issues-panel">
      {vendorList.length > 0 && <h3 className="small-heading">From Trax’s error file</h3>}
      <ul className="issues-list">
        {vendorList.map((v, i) => (
          <li key={`v${i}`} className="issue-vendor">
            <button type="button" className="link" onClick={() => jump(v.rowId, v.column)} data-testid="vendor-issue">
              {v.rowId ? where(v.rowId, v.column, v.message) : ''}{v.message}
            </button>
          </li>
        ))}
      </ul>
      {vendorList.length > 0 && issues.length > 0 && <h3 className="small-heading">Found by the app</h3>}
      <ul className="issues-list">
        {issues.slice(0, SHOWN).map((i, n) => (
          <li key={n} className={`issue-${i.severity}`} data-testid={`issue-${i.severity}`}>
            {i.rowId ? (
              <button type="button" className="link" onClick={() => jump(i.rowId, i.column)} data-testid="issue-link">
                {where(i.rowId, i.column, i.message)}{i.message}
              </button>
            ) : (
              <span>{i.message} <KnowButton issue={i} /></span>
            )}
          </li>
        ))}
        {issues.length > SHOWN && <li className="muted">… and {issues.length - SHOWN} more.</li>}
      </ul>
      {vendor && vendor.unmatched.length > 0 && (
        <div data-testid="unmatched-errors">
          <h3 className="small-heading">Rows of the error file that match no row of this sheet</h3>
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
