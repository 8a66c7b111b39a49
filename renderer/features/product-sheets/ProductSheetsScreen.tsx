import './product-sheets.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Draft, OpenReport } from '../../../shared/trax-retail/contract';
import { IncrementalValidator } from '../../../shared/trax-retail/incremental';
import { api, unwrap } from '../../api/bridge';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { DraftsPanel } from './DraftsPanel';
import { ExportPanel } from './ExportPanel';
import { IssuesPanel } from './IssuesPanel';
import { OpenReportBanner } from './OpenReportBanner';
import { SheetGrid } from './SheetGrid';
import { SheetToolbar } from './SheetToolbar';
import { useSheet } from './sheet-store';
import { useAutosave } from './use-autosave';

function SaveIndicator({ state }: { state: ReturnType<typeof useAutosave>['state'] }) {
  if (state.kind === 'failed') return <span className="bad-count" role="alert" data-testid="save-state">Not saved: {state.message}</span>;
  return <span className="muted" data-testid="save-state" data-state={state.kind}>{state.kind === 'saving' ? 'Saving…' : 'Saved'}</span>;
}

/** The open sheet: its toolbar, grid, problems and the save and upload panel. */
function SheetEditor({ report, clearReport }: { report: OpenReport | null; clearReport: () => void }) {
  const model = useSheet((s) => s.model)!;
  const name = useSheet((s) => s.name);
  const vendor = useSheet((s) => s.vendor);
  const [validator] = useState(() => new IncrementalValidator());
  const validation = useMemo(() => validator.run(model), [validator, model]);
  const autosave = useAutosave();
  const gridRef = useRef<HTMLDivElement>(null);
  const scrollToRow = useRef<(row: number) => void>(() => {});
  const jump = (row: number, col: number) => {
    useSheet.getState().select({ row, col });
    scrollToRow.current(row);
    gridRef.current?.focus();
  };
  return (
    <div className="sheet-editor" data-testid="sheet-editor">
      <div className="sheet-title">
        <input value={name} onChange={(e) => useSheet.getState().rename(e.target.value)} aria-label="Sheet name" maxLength={120} data-testid="sheet-name" />
        <SaveIndicator state={autosave.state} />
        <button type="button" className="link" onClick={() => void autosave.flush().then(() => useSheet.getState().close())} data-testid="close-sheet">Close</button>
      </div>
      {report && <OpenReportBanner report={report} onDone={clearReport} />}
      {vendor && (
        <p className="vendor-banner" data-testid="vendor-banner">
          Trax’s error file is shown on the cells (marked “Trax”). Fix them, then upload only the refused rows.{' '}
          <button type="button" className="link" onClick={() => useSheet.getState().setVendor(null)}>Hide</button>
        </p>
      )}
      <SheetToolbar onFocusGrid={() => gridRef.current?.focus()} />
      <div className="sheet-body">
        <SheetGrid validation={validation} gridRef={gridRef} scrollToRow={scrollToRow} />
        <IssuesPanel validation={validation} onJump={jump} />
      </div>
      <ExportPanel flush={autosave.flush} errors={validation.errors} />
    </div>
  );
}

/** Opens what another screen asked for: a draft, with an import's errors on its cells. */
function useOpenRequest(onOpen: (d: Draft) => void): unknown {
  const request = useSheet((s) => s.request);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!request) return;
    useSheet.getState().setRequest(null);
    void (async () => {
      try {
        const draft = await unwrap(api.sheets.getDraft({ id: request.draftId }));
        onOpen(draft);
        if (request.importId) {
          const found = await unwrap(api.imports.getErrors({ id: request.importId }));
          const byRow = new Map<string, typeof found.errors>();
          for (const e of found.errors) if (e.rowId) byRow.set(e.rowId, [...(byRow.get(e.rowId) ?? []), e]);
          useSheet.getState().setVendor({ importId: request.importId, refusedRows: [...byRow.keys()], byRow, unmatched: found.errors.filter((e) => !e.rowId) });
        }
      } catch (e) {
        setError(e);
      }
    })();
  }, [request, onOpen]);
  return error;
}

export function ProductSheetsScreen() {
  const open = useSheet((s) => s.model !== null);
  const [report, setReport] = useState<OpenReport | null>(null);
  const onOpen = useMemo(() => (d: Draft, r?: OpenReport) => {
    useSheet.getState().load(d);
    setReport(r ?? null);
  }, []);
  const requestError = useOpenRequest(onOpen);
  return (
    <section className="product-sheets" data-testid="screen-product-sheets">
      <h2>Product sheets</h2>
      <ErrorMessage error={requestError} testId="open-request-error" />
      {open ? <SheetEditor report={report} clearReport={() => setReport(null)} /> : <DraftsPanel onOpen={onOpen} />}
    </section>
  );
}
