import { validateRow, validateSheetLevel, type SheetContext } from './rules';
import type { SheetIssue, SheetModel, SheetRow } from './sheet';

export interface ValidationState {
  /** Issues by row id, for rows that have any. Live: the next run updates it, so read it before then. */
  byRow: Map<string, SheetIssue[]>;
  sheet: SheetIssue[];
  errors: number;
  warnings: number;
}

const tally = (issues: readonly SheetIssue[]) => {
  let errors = 0;
  for (const i of issues) if (i.severity === 'error') errors++;
  return { errors, warnings: issues.length - errors };
};

/**
 * Validates a sheet after each edit, re-checking only rows whose object changed since the last
 * call (rows are immutable in the editor), so an edit in a 10,000-row sheet costs one row. When the
 * rows stand where they stood, the comparison is by position and the counts are adjusted in place;
 * after rows are added, moved or deleted, rows are found again by id. A change of the picture list
 * or of the attribute columns re-checks every row. The sheet-level checks (columns, the project's
 * known attributes) are cheap and run every time.
 */
export class IncrementalValidator {
  private rows: readonly SheetRow[] = [];
  private byRow = new Map<string, SheetIssue[]>();
  private counts = { errors: 0, warnings: 0 };
  private images: SheetModel['images'] | null = null;
  private attributes: SheetModel['attributes'] | null = null;

  run(model: SheetModel, context?: SheetContext): ValidationState {
    if (model.images !== this.images || model.attributes !== this.attributes) {
      this.rows = [];
      this.byRow = new Map();
      this.counts = { errors: 0, warnings: 0 };
      this.images = model.images;
      this.attributes = model.attributes;
    }
    if (model.rows.length === this.rows.length && model.rows.every((r, i) => r === this.rows[i] || r.id === this.rows[i].id)) this.samePlaces(model);
    else this.rebuild(model);
    this.rows = model.rows;
    const sheet = validateSheetLevel(model, context);
    const s = tally(sheet);
    return { byRow: this.byRow, sheet, errors: this.counts.errors + s.errors, warnings: this.counts.warnings + s.warnings };
  }

  private samePlaces(model: SheetModel): void {
    const prev = this.rows;
    for (let i = 0; i < model.rows.length; i++) {
      const row = model.rows[i];
      if (row === prev[i]) continue;
      this.forget(row.id);
      this.remember(row, validateRow(row, model));
    }
  }

  private rebuild(model: SheetModel): void {
    const prev = new Map(this.rows.map((r) => [r.id, r]));
    const old = this.byRow;
    this.byRow = new Map();
    this.counts = { errors: 0, warnings: 0 };
    for (const row of model.rows) this.remember(row, prev.get(row.id) === row ? (old.get(row.id) ?? []) : validateRow(row, model));
  }

  private forget(id: string): void {
    const issues = this.byRow.get(id);
    if (!issues) return;
    const t = tally(issues);
    this.counts.errors -= t.errors;
    this.counts.warnings -= t.warnings;
    this.byRow.delete(id);
  }

  private remember(row: SheetRow, issues: SheetIssue[]): void {
    if (issues.length === 0) return;
    const t = tally(issues);
    this.counts.errors += t.errors;
    this.counts.warnings += t.warnings;
    this.byRow.set(row.id, issues);
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
