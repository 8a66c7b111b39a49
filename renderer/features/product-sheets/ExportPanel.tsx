import { currentFormats } from '../../../shared/locale/current';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { IMAGE_HEADERS } from '../../../shared/trax-retail/columns';
import type { SheetFormat } from '../../../shared/trax-retail/contract';
import { isUrl } from '../../../shared/trax-retail/rules';
import { api, unwrap } from '../../api/bridge';
import { useNav } from '../../app/nav-store';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { saveToComputer } from './file-transfer';
import { useSaveSheetSettings, useSheetSettings, useUpload } from './queries';
import { useSheet } from './sheet-store';

const labels: Record<SheetFormat, string> = { csv: 'CSV (;)', xlsx: 'Excel (.xlsx)', zip: 'ZIP (sheet and pictures)' };

/** Save as (CSV, Excel or ZIP) and upload to Trax; a sheet with local pictures is always a ZIP. */
export function ExportPanel({ flush, errors }: { flush: () => Promise<void>; errors: number }) {
  const model = useSheet((s) => s.model)!;
  const draftId = useSheet((s) => s.draftId)!;
  const vendor = useSheet((s) => s.vendor);
  const settings = useSheetSettings();
  const saveSettings = useSaveSheetSettings();
  const upload = useUpload();
  const go = useNav((s) => s.go);
  const [email, setEmail] = useState<string | null>(null);
  const hasLocal = model.rows.some((r) => IMAGE_HEADERS.some((h) => r.cells[h] && !isUrl(r.cells[h])));
  const format: SheetFormat = hasLocal ? 'zip' : (settings.data?.format ?? 'xlsx');
  const saveAs = useMutation({
    mutationFn: async () => {
      await flush();
      const file = await unwrap(api.sheets.exportFile({ id: draftId, format }));
      await saveToComputer(file.fileId, file.fileName);
      return file;
    },
  });
  const send = async (rowIds?: string[]) => {
    await flush();
    upload.mutate({ id: draftId, format, rowIds });
  };
  const failedRows = vendor ? vendor.refusedRows.filter((id) => model.rows.some((r) => r.id === id)) : [];
  return (
    <section className="export-panel card" aria-label="Save and upload">
      <label>
        File type{' '}
        <select value={format} disabled={hasLocal} onChange={(e) => settings.data && saveSettings.mutate({ ...settings.data, format: e.target.value as SheetFormat })} data-testid="sheet-format">
          {(Object.keys(labels) as SheetFormat[]).map((f) => (
            <option key={f} value={f}>{labels[f]}</option>
          ))}
        </select>
      </label>
      {hasLocal && <span className="muted"> Local pictures travel in a ZIP.</span>}
      <label>
        Contact e-mail for Trax{' '}
        <input type="email" value={email ?? settings.data?.email ?? ''} onChange={(e) => setEmail(e.target.value)} maxLength={200}
          onBlur={() => settings.data && email !== null && saveSettings.mutate({ ...settings.data, email: email.trim() })} data-testid="contact-email" placeholder="optional" />
      </label>
      <div className="export-actions">
        <button type="button" className="secondary" onClick={() => saveAs.mutate()} disabled={saveAs.isPending || errors > 0} data-testid="save-as">
          {saveAs.isPending ? 'Writing…' : 'Save as…'}
        </button>
        <button type="button" onClick={() => void send()} disabled={upload.isPending || errors > 0} data-testid="upload">
          {upload.isPending ? 'Starting upload…' : 'Upload to Trax'}
        </button>
        {failedRows.length > 0 && (
          <button type="button" onClick={() => void send(failedRows)} disabled={upload.isPending || errors > 0} data-testid="upload-failed-rows">
            Upload only the {currentFormats().count(failedRows.length, 'row', 'rows')} Trax refused
          </button>
        )}
      </div>
      {errors > 0 && <p className="muted">Fix the errors before saving or uploading.</p>}
      {upload.isSuccess && (
        <p className="ok-message" data-testid="upload-started">
          Upload started. <button type="button" className="link" onClick={() => go('imports')}>Follow it under Imports</button>
        </p>
      )}
      <ErrorMessage error={upload.error ?? saveAs.error ?? saveSettings.error} testId="export-error" />
    </section>
  );
}
