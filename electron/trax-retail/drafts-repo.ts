import type { Db } from '../core/store/database';
import type { Draft, DraftSummary } from '../../shared/trax-retail/contract';
import { sheetModelSchema, type SheetModel } from '../../shared/trax-retail/sheet';

interface DraftRow {
  id: string;
  name: string;
  updated_at: number;
  row_count: number;
  model: string;
}

/** Draft sheets, saved whole as the user works (one JSON document per draft, checked when read back). */
export class DraftsRepo {
  constructor(private readonly db: Db) {}

  list(): DraftSummary[] {
    const rows = this.db.prepare('SELECT id, name, updated_at, row_count FROM trax_drafts ORDER BY updated_at DESC, id').all() as DraftRow[];
    return rows.map((r) => ({ id: r.id, name: r.name, updatedAt: r.updated_at, rowCount: r.row_count }));
  }

  get(id: string): Draft | null {
    const r = this.db.prepare('SELECT * FROM trax_drafts WHERE id = ?').get(id) as DraftRow | undefined;
    if (!r) return null;
    const parsed = sheetModelSchema.safeParse(JSON.parse(r.model));
    // A draft written by a damaged disk or an older build still opens, empty, rather than failing the screen.
    const model: SheetModel = parsed.success ? parsed.data : { attributes: [], rows: [], images: {} };
    return { id: r.id, name: r.name, updatedAt: r.updated_at, model };
  }

  save(id: string, name: string, model: SheetModel, now: number): number {
    const json = JSON.stringify(model);
    this.db
      .prepare(`INSERT INTO trax_drafts (id, name, created_at, updated_at, row_count, model) VALUES (@id, @name, @now, @now, @rows, @json)
                ON CONFLICT (id) DO UPDATE SET name = @name, updated_at = @now, row_count = @rows, model = @json`)
      .run({ id, name, now, rows: model.rows.length, json });
    return now;
  }

  delete(id: string): void {
    this.db.prepare('DELETE FROM trax_drafts WHERE id = ?').run(id);
  }
}
