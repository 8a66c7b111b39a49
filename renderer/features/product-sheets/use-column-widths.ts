import { useMemo, useState } from 'react';
import { useSaveSheetSettings, useSheetSettings } from './queries';

const MIN = 40;
const MAX = 1200;
const clamp = (w: number) => Math.round(Math.max(MIN, Math.min(MAX, w)));

/**
 * Column widths: the width the user dragged a column to is remembered (a setting, so it survives a
 * restart in either shell); while dragging only the screen changes, the setting is saved on release.
 */
export function useColumnWidths(columns: string[], defaultWidth: (column: string) => number) {
  const settings = useSheetSettings();
  const save = useSaveSheetSettings();
  const [live, setLive] = useState<Record<string, number>>({});
  const saved = settings.data?.columnWidths;
  // The same array until a width changes, so rows drawn with it are not redrawn for nothing.
  const widths = useMemo(() => columns.map((c) => live[c] ?? saved?.[c] ?? defaultWidth(c)), [columns, live, saved, defaultWidth]);
  return {
    widths,
    /** Shows a new width while dragging. */
    preview: (column: string, width: number) => setLive((l) => ({ ...l, [column]: clamp(width) })),
    /** Keeps a width (after a drag, or a key press). */
    commit: (column: string, width: number) => {
      setLive((l) => ({ ...l, [column]: clamp(width) }));
      save.mutate({ columnWidths: { [column]: clamp(width) } });
    },
    /** Back to the column's own width (double-click on the edge). */
    reset: (column: string) => {
      setLive(({ [column]: _gone, ...rest }) => rest);
      save.mutate({ columnWidths: { [column]: null } });
    },
  };
}
