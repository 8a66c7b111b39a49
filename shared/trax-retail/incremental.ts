import { validateRow, validateSheetLevel } from './rules';
import type { SheetIssue, SheetModel, SheetRow } from './sheet';

export interface ValidationState {
  /** Issues by row id, in row order when listed through `issues()`. */
  byRow: Map<string, SheetIssue[]>;
  sheet: SheetIssue[];
  errors: number;
  warnings: number;
}

/**
 * Validates a sheet after each edit, re-checking only rows whose object changed since the last
 * call (rows are immutable in the editor), so an edit in a 10,000-row sheet costs one row.
 * A change of the image list or the attribute columns re-checks every row.
 */
export class IncrementalValidator {
  private cache = new Map<string, { row: SheetRow; issues: SheetIssue[] }>();
  private images: SheetModel['images'] | null = null;
  private attributes: SheetModel['attributes'] | null = null;

  run(model: SheetModel): ValidationState {
    if (model.images !== this.images || model.attributes !== this.attributes) {
      this.cache = new Map();
      this.images = model.images;
      this.attributes = model.attributes;
    }
    const next = new Map<string, { row: SheetRow; issues: SheetIssue[] }>();
    const byRow = new Map<string, SheetIssue[]>();
    let errors = 0;
    let warnings = 0;
    for (const row of model.rows) {
      const hit = this.cache.get(row.id);
      const entry = hit && hit.row === row ? hit : { row, issues: validateRow(row, model) };
      next.set(row.id, entry);
      if (entry.issues.length === 0) continue;
      byRow.set(row.id, entry.issues);
      for (const i of entry.issues) if (i.severity === 'error') errors++; else warnings++;
    }
    this.cache = next;
    const sheet = validateSheetLevel(model);
    for (const i of sheet) if (i.severity === 'error') errors++; else warnings++;
    return { byRow, sheet, errors, warnings };
  }
}

/** Every issue in sheet order: sheet-level first, then by row. */
export function listIssues(model: SheetModel, state: ValidationState): SheetIssue[] {
  const out = [...state.sheet];
  for (const row of model.rows) {
    const issues = state.byRow.get(row.id);
    if (issues) out.push(...issues);
  }
  return out;
}
