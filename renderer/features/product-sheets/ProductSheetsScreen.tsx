import './product-sheets.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Draft, OpenReport } from '../../../shared/trax-retail/contract';
import { IncrementalValidator } from '../../../shared/trax-retail/incremental';
import { api, unwrap } from '../../api/bridge';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { DraftsPanel } from './DraftsPanel';
import { hasIssues, IssuesPanel, IssuesSummary } from './IssuesPanel';
import { MappingPanel } from './MappingPanel';
import { useSheetSettings } from './queries';
import { SheetGrid } from './SheetGrid';
import { applyMapping, columnsOf } from './sheet-ops';
import { SheetToolbar } from './SheetToolbar';
import { useSheet } from './sheet-store';
import { UploadBar } from './UploadBar';
import { useAddPicture } from './use-add-picture';
import { useAutosave } from './use-autosave';

function SaveIndicator({ state }: { state: ReturnType<typeof useAutosave>['state'] }) {
  if (state.kind === 'failed') return <span className="bad-count" role="alert" data-testid="save-state">Not saved: {state.message}</span>;
  return <span className="muted" data-testid="save-state" data-state={state.kind}>{state.kind === 'saving' ? 'Saving…' : 'Saved'}</span>;
}

/**
 * The open sheet: title and counts, any column mapping, the toolbar, the grid with its problems
 * beside it (only when there are any), and the upload bar, which always stays in view.
 */
function SheetEditor() {
  const model = useSheet((s) => s.model)!;
  const name = useSheet((s) => s.name);
  const vendor = useSheet((s) => s.vendor);
  const draftId = useSheet((s) => s.draftId)!;
  const known = useSheetSettings().data?.knownAttributes ?? null;
  const [validator] = useState(() => new IncrementalValidator());
  const validation = useMemo(() => validator.run(model, { knownAttributes: known }), [validator, model, known]);
  const autosave = useAutosave();
  const picture = useAddPicture(draftId);
  const gridRef = useRef<HTMLDivElement>(null);
  const scrollToRow = useRef<(row: number) => void>(() => {});
  const jump = (row: number, col: number) => {
    useSheet.getState().select({ row, col });
    scrollToRow.current(row);
    gridRef.current?.focus();
  };
  const pickPicture = () => {
    const { cursor } = useSheet.getState();
    picture.pick(cursor.row, columnsOf(model)[cursor.col]);
  };
  const [listShown, setListShown] = useState(true);
  const issues = hasIssues(validation, vendor);
  const panel = issues && listShown;
  return (
    <div className="sheet-editor" data-testid="sheet-editor">
      <div className="sheet-title">
        <input value={name} onChange={(e) => useSheet.getState().rename(e.target.value)} aria-label="Sheet name" maxLength={120} data-testid="sheet-name" />
        <SaveIndicator state={autosave.state} />
        <IssuesSummary validation={validation} />
        {issues && (
          <button type="button" className="link" onClick={() => setListShown((v) => !v)} aria-expanded={listShown} data-testid="toggle-issues">
            {listShown ? 'Hide the list' : 'Show the list'}
          </button>
        )}
        <button type="button" className="link" onClick={() => void autosave.flush().then(() => useSheet.getState().close())} data-testid="close-sheet">Close</button>
      </div>
      <MappingPanel />
      {vendor && (
        <p className="vendor-banner" data-testid="vendor-banner">
          Trax’s error file is shown on its cells and listed beside the sheet. Fix them, then upload only the refused rows.{' '}
          <button type="button" className="link" onClick={() => useSheet.getState().setVendor(null)}>Hide</button>
        </p>
      )}
      <SheetToolbar onFocusGrid={() => gridRef.current?.focus()} onPickPicture={pickPicture} />
      {picture.input}
      <div className={panel ? 'sheet-body with-issues' : 'sheet-body'}>
        <SheetGrid validation={validation} gridRef={gridRef} scrollToRow={scrollToRow} picture={picture} />
        {panel && <IssuesPanel validation={validation} onJump={jump} />}
      </div>
      <UploadBar flush={autosave.flush} errors={validation.errors} />
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

/** An opened file's headers are placed at once as suggested; the mapping stays shown to correct. */
function openDraft(d: Draft, report?: OpenReport) {
  const s = useSheet.getState();
  s.load(d);
  if (report && report.mapping.length > 0) s.startMapping({ kind: 'open', source: report.fileName, columns: report.mapping, base: d.model, apply: applyMapping });
}

export function ProductSheetsScreen() {
  const open = useSheet((s) => s.model !== null);
  const requestError = useOpenRequest(useMemo(() => (d: Draft) => openDraft(d), []));
  return (
    <section className="product-sheets" data-testid="screen-product-sheets">
      <h1>Product sheets</h1>
      <ErrorMessage error={requestError} testId="open-request-error" />
      {open ? <SheetEditor /> : <DraftsPanel onOpen={openDraft} />}
    </section>
  );
}
