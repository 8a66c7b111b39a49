import { currentFormats } from '../../../shared/locale/current';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { Draft, OpenReport } from '../../../shared/trax-retail/contract';
import { useCases, type UseCaseId } from '../../../shared/trax-retail/use-cases';
import { api, unwrap } from '../../api/bridge';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { sendFile } from './file-transfer';
import { useCreateDraft, useDeleteDraft, useDrafts, useSaveSheetSettings, useSheetSettings } from './queries';

/**
 * The attribute columns the Trax project knows: any other attribute column makes Trax reject the
 * whole file, so the sheet warns about it before upload. Trax tells each project its own.
 */
function KnownAttributes() {
  const settings = useSheetSettings();
  const save = useSaveSheetSettings();
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? settings.data?.knownAttributes.join(', ') ?? '';
  const names = shown.split(',').map((a) => a.trim()).filter(Boolean);
  return (
    <section className="card" aria-label="Trax project">
      <h2 className="small-heading">Trax project</h2>
      <label className="stacked">
        Attribute columns the project knows (comma between them)
        <input value={shown} onChange={(e) => setText(e.target.value)} data-testid="known-attributes" />
      </label>
      <button type="button" className="secondary" disabled={text === null || save.isPending}
        onClick={() => save.mutate({ knownAttributes: names }, { onSuccess: () => setText(null) })} data-testid="save-known-attributes">
        Save
      </button>
      <ErrorMessage error={save.error} testId="known-attributes-error" />
    </section>
  );
}

/** The saved drafts, a new sheet from the use cases, and opening a CSV, Excel or ZIP file. */
export function DraftsPanel({ onOpen }: { onOpen: (d: Draft, report?: OpenReport) => void }) {
  const drafts = useDrafts();
  const create = useCreateDraft();
  const remove = useDeleteDraft();
  const [name, setName] = useState('');
  const [picked, setPicked] = useState<UseCaseId[]>(['new-product']);
  const open = useMutation({
    mutationFn: async (file: File) => {
      const stageId = await sendFile(file);
      return unwrap(api.sheets.openFile({ stageId, fileName: file.name }));
    },
    onSuccess: (r) => onOpen(r.draft, r.report),
  });
  const load = useMutation({ mutationFn: (id: string) => unwrap(api.sheets.getDraft({ id })), onSuccess: (d) => onOpen(d) });
  const toggle = (id: UseCaseId) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));
  return (
    <div className="drafts-panel">
      <section className="card" aria-label="New sheet">
        <h2 className="small-heading">New sheet</h2>
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder="Sheet name" aria-label="Sheet name" maxLength={120} data-testid="new-sheet-name" />
        <fieldset className="use-cases">
          <legend>Start with a row for</legend>
          {useCases.map((u) => (
            <label key={u.id}>
              <input type="checkbox" checked={picked.includes(u.id)} onChange={() => toggle(u.id)} data-testid={`use-case-${u.id}`} /> {u.label}
            </label>
          ))}
        </fieldset>
        <button type="button" disabled={!name.trim() || create.isPending} onClick={() => create.mutate({ name: name.trim(), useCases: picked }, { onSuccess: (d) => onOpen(d) })} data-testid="create-sheet">
          Create sheet
        </button>
        <h2 className="small-heading">Open a file</h2>
        <input type="file" accept=".csv,.xlsx,.zip,text/csv,application/zip" aria-label="Open a CSV, Excel or ZIP file" data-testid="open-file"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) open.mutate(f);
          }} />
        {open.isPending && <p className="muted">Reading the file…</p>}
        <ErrorMessage error={create.error ?? open.error ?? load.error ?? remove.error} testId="drafts-error" />
      </section>
      <KnownAttributes />
      <section className="card" aria-label="Saved sheets">
        <h2 className="small-heading">Saved sheets</h2>
        {drafts.data?.drafts.length === 0 && <p className="muted">No sheets yet.</p>}
        <ul className="draft-list" data-testid="draft-list">
          {drafts.data?.drafts.map((d) => (
            <li key={d.id}>
              <button type="button" className="link" onClick={() => load.mutate(d.id)} data-testid={`draft-${d.name}`}>{d.name}</button>{' '}
              <span className="muted">{currentFormats().count(d.rowCount, 'row', 'rows')} · {currentFormats().dateTime(d.updatedAt)}</span>{' '}
              <button type="button" className="link" onClick={() => window.confirm(`Delete the sheet “${d.name}”?`) && remove.mutate(d.id)} aria-label={`Delete ${d.name}`}>Delete</button>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
