import { useRef, useState } from 'react';
import { api, unwrap } from '../../api/bridge';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { sendFile } from './file-transfer';
import { setCell } from './sheet-ops';
import { useSheet } from './sheet-store';

/** Adds a local picture to a cell: from the file picker or a drop; the main process keeps a copy and names it. */
export function useAddPicture(draftId: string) {
  const inputRef = useRef<HTMLInputElement>(null);
  const target = useRef<{ row: number; column: string } | null>(null);
  const [error, setError] = useState<unknown>(null);

  const add = async (row: number, column: string, files: File[]) => {
    const file = files[0];
    if (!file) return;
    const stageId = await sendFile(file);
    const image = await unwrap(api.sheets.addImage({ draftId, stageId, fileName: file.name }));
    const s = useSheet.getState();
    if (!s.model || s.draftId !== draftId) return;
    s.replace({ ...s.model, images: { ...s.model.images, [image.name]: image } });
    s.edit((m) => setCell(m, row, column, image.name));
  };
  const fromFiles = (row: number, column: string, files: File[]) => {
    setError(null);
    add(row, column, files).catch(setError);
  };

  const input = (
    <>
    <ErrorMessage error={error} testId="picture-error" />
    <input
      ref={inputRef}
      type="file"
      accept="image/*"
      hidden
      data-testid="picture-input"
      onChange={(e) => {
        const files = [...(e.target.files ?? [])];
        e.target.value = '';
        if (target.current) fromFiles(target.current.row, target.current.column, files);
      }}
    />
    </>
  );

  return {
    input,
    fromFiles,
    pick: (row: number, column: string) => {
      target.current = { row, column };
      inputRef.current?.click();
    },
  };
}
