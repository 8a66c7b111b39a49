import { z } from 'zod';

/** One row of a product sheet: cell text by column header. Empty cells may be absent. */
export const sheetRowSchema = z.object({
  id: z.string().min(1).max(64),
  cells: z.record(z.string().max(200), z.string().max(2000)),
});
export type SheetRow = z.infer<typeof sheetRowSchema>;

export const imageKinds = ['png', 'jpeg', 'gif', 'webp', 'bmp', 'tiff'] as const;
export type ImageKind = (typeof imageKinds)[number];

/** A local image file the sheet refers to by its base name (the name without extension). */
export const localImageSchema = z.object({
  /** Stored file id in the app's data folder. */
  id: z.string().min(1).max(80),
  /** Unique, flat, ASCII base name written into the image cell. */
  name: z.string().min(1).max(200),
  originalName: z.string().max(300),
  size: z.number().int().nonnegative(),
  /** What the file's first bytes say it is; null when it is not a picture we know. */
  kind: z.enum(imageKinds).nullable(),
  /** False when the stored file is missing or unreadable. */
  readable: z.boolean(),
});
export type LocalImage = z.infer<typeof localImageSchema>;

export const sheetModelSchema = z.object({
  /** Additional attribute columns, after the documented ones. */
  attributes: z.array(z.string().trim().min(1).max(150)).max(100),
  rows: z.array(sheetRowSchema).max(100_000),
  images: z.record(z.string(), localImageSchema),
});
export type SheetModel = z.infer<typeof sheetModelSchema>;

export type Severity = 'error' | 'warning';

/** One problem found in a sheet; `column` null means the row as a whole, `rowId` null the sheet. */
export interface SheetIssue {
  rowId: string | null;
  column: string | null;
  severity: Severity;
  message: string;
}

export const cell = (row: SheetRow, header: string): string => (row.cells[header] ?? '').trim();

export const isBlankRow = (row: SheetRow): boolean => Object.values(row.cells).every((v) => v.trim() === '');

/** Images larger than this are a warning: Trax may refuse or time out on them. */
export const LARGE_IMAGE_BYTES = 10 * 1024 * 1024;
