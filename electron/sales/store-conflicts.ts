import type { ConflictList, SaleConflict, SettleConflictInput } from '../../shared/sales/conflicts';
import { settleConflictInputSchema } from '../../shared/sales/conflicts';
import { AppError } from '../core/app-error';
import { StoreAwayError, type StoreLink } from '../core/store-link';

const LIST_SQL = `SELECT c.id, c.sku, c.item_name, c.flagged_at, c.settled_at, c.note, st.prefix || ' · ' || st.name AS settled_by,
    f.order_number AS first_order, f.recorded_at AS first_at, fw.prefix || ' · ' || fw.name AS first_ws,
    s.order_number AS second_order, s.recorded_at AS second_at, sw.prefix || ' · ' || sw.name AS second_ws
  FROM sale_conflicts c
  JOIN sales f ON f.uid = c.first_uid JOIN store.workstations fw ON fw.id = f.workstation_id
  JOIN sales s ON s.uid = c.second_uid JOIN store.workstations sw ON sw.id = s.workstation_id
  LEFT JOIN store.workstations st ON st.id = c.settled_by
  ORDER BY c.settled_at IS NOT NULL, c.flagged_at DESC, c.id DESC
  LIMIT 200`;

const SETTLE_SQL = `UPDATE sale_conflicts SET settled_at = now(), settled_by = my_workstation(), note = $2 WHERE id = $1 AND settled_at IS NULL RETURNING id`;

interface Row {
  id: string;
  sku: string;
  item_name: string | null;
  flagged_at: Date;
  settled_at: Date | null;
  note: string | null;
  settled_by: string | null;
  first_order: string;
  first_at: string;
  first_ws: string;
  second_order: string;
  second_at: string;
  second_ws: string;
}

const toConflict = (r: Row): SaleConflict => ({
  id: Number(r.id),
  sku: r.sku,
  itemName: r.item_name,
  flaggedAt: r.flagged_at.getTime(),
  first: { orderNumber: r.first_order, recordedAt: Number(r.first_at), workstation: r.first_ws },
  second: { orderNumber: r.second_order, recordedAt: Number(r.second_at), workstation: r.second_ws },
  settled: r.settled_at ? { at: r.settled_at.getTime(), by: r.settled_by ?? 'a workstation that left', note: r.note ?? '' } : null,
});

/**
 * One-off items two sales of the store sold (flagged by the server when the second sale arrives), read
 * from the server for every workstation; while it is away, the last list read is shown as it was.
 */
export class StoreConflicts {
  private last: SaleConflict[] = [];

  constructor(private readonly store: StoreLink) {}

  async list(): Promise<ConflictList> {
    if (!this.store.paired) return { paired: false, live: false, conflicts: [] };
    try {
      this.last = (await this.store.query<Row>(LIST_SQL)).map(toConflict);
      return { paired: true, live: true, conflicts: this.last };
    } catch (error) {
      if (error instanceof StoreAwayError) return { paired: true, live: false, conflicts: this.last };
      throw error;
    }
  }

  async settle(raw: SettleConflictInput): Promise<ConflictList> {
    const input = settleConflictInputSchema.parse(raw);
    if (!this.store.paired) throw new AppError('conflict', 'This workstation is not part of a store, so it has nothing to settle.');
    let settled: unknown[];
    try {
      settled = await this.store.transaction(async (q) => {
        const rows = await q.query(SETTLE_SQL, [input.id, input.note]);
        await q.query(this.store.notifySql('conflicts'));
        return rows;
      });
    } catch (error) {
      if (error instanceof StoreAwayError) throw new AppError('conflict', `The store server does not answer, so it cannot be settled now: ${error.message}`);
      throw error;
    }
    if (settled.length === 0) throw new AppError('conflict', 'This was settled already (on another workstation, perhaps). The list now shows who settled it.');
    return this.list();
  }
}
