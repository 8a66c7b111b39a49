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
import { useSaveSheetSettings, useSheetSettings } from './queries';
import { useSheet } from './sheet-store';
import { useUploadOnce } from './use-upload-once';

const labels: Record<SheetFormat, string> = { csv: 'CSV (;)', xlsx: 'Excel (.xlsx)', zip: 'ZIP (sheet and pictures)' };

/**
 * Save as (CSV, Excel or ZIP) and upload to Trax, at the foot of the sheet where it always stays in
 * view; a sheet with local pictures is always a ZIP. Each setting is saved on its own, and every
 * upload button shares one press guard.
 */
export function UploadBar({ flush, errors }: { flush: () => Promise<void>; errors: number }) {
  const model = useSheet((s) => s.model)!;
  const draftId = useSheet((s) => s.draftId)!;
  const vendor = useSheet((s) => s.vendor);
  const settings = useSheetSettings();
  const save = useSaveSheetSettings();
  const upload = useUploadOnce();
  const go = useNav((s) => s.go);
  const [email, setEmail] = useState<string | null>(null);
  const [chosen, setChosen] = useState<SheetFormat | null>(null);
  const hasLocal = model.rows.some((r) => IMAGE_HEADERS.some((h) => r.cells[h] && !isUrl(r.cells[h])));
  const format: SheetFormat = hasLocal ? 'zip' : (chosen ?? settings.data?.format ?? 'xlsx');
  const saveEmail = async () => {
    if (email === null || email.trim() === (settings.data?.email ?? '')) return;
    await save.mutateAsync({ email: email.trim() });
    setEmail(null);
  };
  const saveAs = useMutation({
    mutationFn: async () => {
      await flush();
      const file = await unwrap(api.sheets.exportFile({ id: draftId, format }));
      await saveToComputer(file.fileId, file.fileName);
      return file;
    },
  });
  const send = (rowIds?: string[]) =>
    upload.press(async (intentId) => {
      // The contact being typed goes with this upload, not the one saved before.
      await saveEmail();
      await flush();
      return unwrap(api.sheets.upload({ id: draftId, format, rowIds, intentId }));
    });
  const refused = vendor ? vendor.refusedRows.filter((id) => model.rows.some((r) => r.id === id)) : [];
  const blocked = upload.pending || errors > 0;
  return (
    <section className="upload-bar" aria-label="Save and upload" data-testid="upload-bar">
      <label>
        File type{' '}
        <select value={format} disabled={hasLocal} data-testid="sheet-format"
          onChange={(e) => {
            const f = e.target.value as SheetFormat;
            setChosen(f);
            save.mutate({ format: f });
          }}>
          {(Object.keys(labels) as SheetFormat[]).map((f) => (
            <option key={f} value={f}>{labels[f]}</option>
          ))}
        </select>
      </label>
      <label>
        Contact e-mail{' '}
        <input type="email" value={email ?? settings.data?.email ?? ''} onChange={(e) => setEmail(e.target.value)} maxLength={200}
          onBlur={() => void saveEmail().catch(() => {})} data-testid="contact-email" placeholder="optional" />
      </label>
      <div className="upload-actions">
        <button type="button" className="secondary" onClick={() => saveAs.mutate()} disabled={saveAs.isPending || errors > 0} data-testid="save-as">
          {saveAs.isPending ? 'Writing…' : 'Save as…'}
        </button>
        <button type="button" onClick={() => send()} disabled={blocked} data-testid="upload">
          {upload.pending ? 'Starting upload…' : 'Upload to Trax'}
        </button>
        {refused.length > 0 && (
          <button type="button" onClick={() => send(refused)} disabled={blocked} data-testid="upload-failed-rows">
            Upload only the {currentFormats().count(refused.length, 'refused row', 'refused rows')}
          </button>
        )}
      </div>
      <div className="upload-status" role="status">
        {hasLocal && <span className="muted">Local pictures travel in a ZIP. </span>}
        {errors > 0 && <span className="muted">Fix the errors before saving or uploading.</span>}
        {upload.started && (
          <span className="ok-message" data-testid="upload-started" data-joined={upload.started.joined}>
            {upload.started.joined ? 'This upload was already on its way; nothing was sent twice. ' : 'Upload started. '}
            <button type="button" className="link" onClick={() => go('imports')} data-testid="follow-upload">Follow it under Imports</button>
          </span>
        )}
      </div>
      <ErrorMessage error={upload.error ?? saveAs.error ?? save.error} testId="export-error" />
    </section>
  );
}
