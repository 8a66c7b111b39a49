import { z } from 'zod';
import { channel } from '../contract/channel';
import { localImageSchema, sheetModelSchema } from './sheet';
import { useCaseIds } from './use-cases';

export const sheetFormats = ['csv', 'xlsx', 'zip'] as const;
export const sheetFormatSchema = z.enum(sheetFormats);
export type SheetFormat = z.infer<typeof sheetFormatSchema>;

const id = z.string().trim().min(1).max(80);
const none = z.object({}).strict();

export const draftSummarySchema = z.object({ id: z.string(), name: z.string(), updatedAt: z.number(), rowCount: z.number().int() });
export type DraftSummary = z.infer<typeof draftSummarySchema>;
export const draftSchema = z.object({ id: z.string(), name: z.string(), updatedAt: z.number(), model: sheetModelSchema });
export type Draft = z.infer<typeof draftSchema>;

export const issueSchema = z.object({
  rowId: z.string().nullable(),
  column: z.string().nullable(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
});

/** Where one column of an opened file goes (see `ColumnMapping`); `to` null leaves it out. */
export const columnMappingSchema = z.object({
  from: z.string(),
  to: z.string().nullable(),
  reason: z.enum(['exact', 'near', 'older', 'synonym', 'attribute', 'unknown']),
});

/** What opening a file found about its headers. */
export const openReportSchema = z.object({
  fileName: z.string(),
  rowCount: z.number().int(),
  /**
   * Every header that is not a documented one, with the column suggested for it. The draft holds
   * each under its own name (as an attribute column) until the user applies the mapping.
   */
  mapping: z.array(columnMappingSchema),
  imagesAdded: z.number().int(),
});
export type OpenReport = z.infer<typeof openReportSchema>;

const attributeName = z.string().trim().min(1).max(150);
/** Column widths in pixels by header, as the user left them. */
const columnWidths = z.record(z.string().max(200), z.number().int().min(40).max(1200));

export const sheetSettingsSchema = z.object({
  /** Contact person added to the vendor's review ticket; empty for none. */
  email: z.union([z.literal(''), z.email('Enter a valid e-mail address, or leave it empty.').max(200)]),
  format: sheetFormatSchema,
  /** The additional attribute columns the Trax project knows (of the current mode: training has its own project). */
  knownAttributes: z.array(attributeName).max(200),
  columnWidths,
  /** Goes up by one with every save, so the screen can tell a newer answer from an older one. */
  revision: z.number().int(),
});
export type SheetSettings = z.infer<typeof sheetSettingsSchema>;

/** A change of some settings: fields left out keep their saved value, so two quick saves never undo each other. */
export const sheetSettingsPatchSchema = z
  .object({
    email: sheetSettingsSchema.shape.email,
    format: sheetFormatSchema,
    knownAttributes: sheetSettingsSchema.shape.knownAttributes,
    /** Merged into the saved widths; a width of null forgets that column's width. */
    columnWidths: z.record(z.string().max(200), z.number().int().min(40).max(1200).nullable()),
  })
  .partial()
  .strict();
export type SheetSettingsPatch = z.infer<typeof sheetSettingsPatchSchema>;

/** Made by the screen when the user presses an upload button, once per press: the same intent never uploads twice. */
const intentId = z.uuid('An upload carries the id of the button press that asked for it.');
export const uploadStartedSchema = z.object({
  importLocalId: z.string(),
  /** True when this call joined an upload already asked for (the same press, or the same sheet a moment ago). */
  joined: z.boolean(),
});

export const stagedFileSchema = z.object({ fileId: z.string(), fileName: z.string(), size: z.number().int() });

export const productSheetsContract = {
  listDrafts: channel('Every saved draft sheet, newest first.', none, z.object({ drafts: z.array(draftSummarySchema) })),
  createDraft: channel(
    'Starts a draft sheet, with one starting row per chosen use case.',
    z.object({ name: z.string().trim().min(1, 'Give the sheet a name.').max(120), useCases: z.array(z.enum(useCaseIds)).max(20).default([]) }).strict(),
    draftSchema,
  ),
  getDraft: channel('One draft sheet with its rows, attribute columns and local images.', z.object({ id }).strict(), draftSchema),
  saveDraft: channel(
    'Saves a draft as the user works; the saved copy survives a restart.',
    z.object({ id, name: z.string().trim().min(1, 'Give the sheet a name.').max(120), model: sheetModelSchema }).strict(),
    z.object({ updatedAt: z.number() }),
  ),
  deleteDraft: channel('Deletes a draft and its local image copies.', z.object({ id }).strict(), none),
  stageChunk: channel(
    'Receives a picked or dropped file a piece at a time (the browser shell cannot hand over a path); answers the staged id.',
    z.object({ stageId: id.optional(), base64: z.string().max(3_000_000) }).strict(),
    z.object({ stageId: z.string(), size: z.number().int() }),
  ),
  addImage: channel(
    'Keeps a staged picture in the app’s data folder for a draft, under a unique flat ASCII base name.',
    z.object({ draftId: id, stageId: id, fileName: z.string().trim().min(1).max(300) }).strict(),
    localImageSchema,
  ),
  getImagePreview: channel(
    'A local picture of a draft as a data: address for its thumbnail (null when it cannot be shown).',
    z.object({ draftId: id, name: z.string().min(1).max(200) }).strict(),
    z.object({ dataUrl: z.string().nullable() }),
  ),
  openFile: channel(
    'Opens a staged CSV, Excel or ZIP file as a new draft and reports its unknown and older headers.',
    z.object({ stageId: id, fileName: z.string().trim().min(1).max(300) }).strict(),
    z.object({ draft: draftSchema, report: openReportSchema }),
  ),
  check: channel(
    'Checks a saved draft as the upload would, including its local image files.',
    z.object({ id, rowIds: z.array(z.string()).max(100_000).optional() }).strict(),
    z.object({ issues: z.array(issueSchema) }),
  ),
  exportFile: channel(
    'Writes a saved draft as CSV, Excel or ZIP (ZIP when it has local images) for “Save as”; refuses a sheet with errors.',
    z.object({ id, format: sheetFormatSchema }).strict(),
    stagedFileSchema,
  ),
  readFile: channel(
    'A piece of a written or downloaded file, base64, for saving it on this computer.',
    z.object({ fileId: id, offset: z.number().int().nonnegative() }).strict(),
    z.object({ base64: z.string(), done: z.boolean() }),
  ),
  upload: channel(
    'Writes the draft (or only the chosen rows) and uploads it to Trax Retail, once per intent; answers at once, the import list shows progress.',
    z.object({ id, format: sheetFormatSchema, rowIds: z.array(z.string()).max(100_000).optional(), intentId }).strict(),
    uploadStartedSchema,
  ),
  getSettings: channel('The contact e-mail, file format, the project’s known attribute columns and the column widths.', none, sheetSettingsSchema),
  saveSettings: channel('Saves the settings given; the others keep their saved values.', sheetSettingsPatchSchema, sheetSettingsSchema),
};

export const importViewSchema = z.object({
  id: z.string(),
  draftId: z.string().nullable(),
  sheetName: z.string(),
  fileName: z.string(),
  format: sheetFormatSchema,
  rowCount: z.number().int(),
  createdAt: z.number(),
  /** uploading, uploaded (polling), ended, upload-failed. */
  phase: z.enum(['uploading', 'polling', 'ended', 'upload-failed']),
  uploadSent: z.number().int(),
  uploadTotal: z.number().int(),
  importId: z.string().nullable(),
  /** As the vendor wrote them. */
  status: z.string().nullable(),
  reviewStatus: z.string().nullable(),
  parsed: z.number().int().nullable(),
  total: z.number().int().nullable(),
  errored: z.number().int().nullable(),
  message: z.string(),
  fileId: z.string().nullable(),
  errorId: z.string().nullable(),
  /** The contact e-mail the upload carried (empty for none). */
  email: z.string(),
  /** Why the last poll or the upload failed, in plain words; empty when it did not. */
  problem: z.string(),
  /** Technical details of the problem (error codes, the vendor's raw words), shown on request. */
  problemDetails: z.array(z.string()),
  /** A failed upload that may have reached Trax all the same (the connection dropped after sending). */
  mayHaveArrived: z.boolean(),
  nextPollAt: z.number().nullable(),
  endedAt: z.number().nullable(),
  outcome: z.enum(['imported', 'failed', 'other']).nullable(),
});
export type ImportView = z.infer<typeof importViewSchema>;

export const vendorRowErrorSchema = z.object({
  /** The draft row it belongs to, or null when it could not be matched. */
  rowId: z.string().nullable(),
  column: z.string().nullable(),
  message: z.string(),
  /** The error file's row as the vendor wrote it. */
  cells: z.record(z.string(), z.string()),
});
export type VendorRowError = z.infer<typeof vendorRowErrorSchema>;

export const importsContract = {
  list: channel('Every upload with its vendor status, newest first.', none, z.object({ imports: z.array(importViewSchema) })),
  refresh: channel('Asks Trax Retail for one import’s status now.', z.object({ id }).strict(), importViewSchema),
  download: channel(
    'Downloads the import’s source file or error file from Trax Retail for saving.',
    z.object({ id, which: z.enum(['source', 'error']) }).strict(),
    stagedFileSchema,
  ),
  getErrors: channel(
    'Reads the import’s error file and matches each row to the sheet row it came from.',
    z.object({ id }).strict(),
    z.object({ draftId: z.string().nullable(), errors: z.array(vendorRowErrorSchema), headers: z.array(z.string()) }),
  ),
  retry: channel(
    'Uploads a failed upload’s file again, once per intent.',
    z.object({ id, intentId }).strict(),
    uploadStartedSchema,
  ),
  dismiss: channel('Removes an ended import from the list.', z.object({ id }).strict(), none),
};
