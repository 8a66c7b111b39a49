import { useRef, useState } from 'react';
import { api, unwrap } from '../../api/bridge';
import { sendFile } from './file-transfer';
import { setCell } from './sheet-ops';
import { useSheet } from './sheet-store';

/** Adds a local picture to a cell: from the file picker or a drop; the main process keeps a copy and names it. */
export function useAddPicture(draftId: string) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [target, setTarget] = useState<{ row: number; column: string } | null>(null);

  const fromFiles = async (row: number, column: string, files: File[]) => {
    const file = files[0];
    if (!file) return;
    const stageId = await sendFile(file);
    const image = await unwrap(api.sheets.addImage({ draftId, stageId, fileName: file.name }));
    const s = useSheet.getState();
    if (!s.model || s.draftId !== draftId) return;
    s.replace({ ...s.model, images: { ...s.model.images, [image.name]: image } });
    s.edit((m) => setCell(m, row, column, image.name));
  };

  const input = (
    <input
      ref={inputRef}
      type="file"
      accept="image/*"
      hidden
      data-testid="picture-input"
      onChange={(e) => {
        const files = [...(e.target.files ?? [])];
        e.target.value = '';
        if (target) void fromFiles(target.row, target.column, files);
      }}
    />
  );

  return {
    input,
    fromFiles: (row: number, column: string, files: File[]) => void fromFiles(row, column, files),
    pick: (row: number, column: string) => {
      setTarget({ row, column });
      inputRef.current?.click();
    },
  };
}
