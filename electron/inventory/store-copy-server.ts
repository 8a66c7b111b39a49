import type { Db } from '../core/store/database';
import type { StoreQuery } from '../core/store-link';
import type { ItemSource } from './item-source';
import type { InventoryRepo } from './inventory-repo';
import { currentRows, goneItem, rowsOfSkus, rowToItem } from './store-copy-items';

/** The topic every workstation listens on for the store copy's changes. */
export const INVENTORY_TOPIC = 'inventory';

/** Where the store server's copy stands. */
export interface ServerCopy {
  copyId: string;
  change: number;
  watermark: number | null;
  clockStart: number | null;
  newestStamp: number | null;
  source: string;
  options: string;
  itemCount: number;
}

/** The store server's copy as this workstation last took or wrote it; `pending`: this copy holds a load the server lacks. */
export interface KnownCopy {
  copyId: string;
  change: number;
  pending: boolean;
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export async function readServerCopy(q: StoreQuery): Promise<ServerCopy | null> {
  const r = (await q.query<Record<string, unknown>>('SELECT * FROM inventory_state'))[0];
  if (!r) return null;
  return {
    copyId: String(r.copy_id), change: Number(r.change), watermark: num(r.watermark), clockStart: num(r.clock_start), newestStamp: num(r.newest_stamp),
    source: String(r.source), options: String(r.options), itemCount: Number(r.item_count),
  };
}

const UPSERT = `
  INSERT INTO inventory_items (sku_key, item, change)
  SELECT lower(u.sku), u.item, $3 FROM unnest($1::text[], $2::text[]) AS u (sku, item)
  ON CONFLICT (sku_key) DO UPDATE SET item = EXCLUDED.item, change = EXCLUDED.change`;

async function writeItems(q: StoreQuery, items: Record<string, unknown>[], change: number): Promise<void> {
  if (items.length === 0) return;
  await q.query(UPSERT, [items.map((i) => String(i.sku)), items.map((i) => JSON.stringify(i)), change]);
}

/** The copy's watermark and the rest, with the workstation that wrote them, as the last step of a write. */
async function writeState(q: StoreQuery, repo: InventoryRepo, copyId: string | null, change: number, loadedBy: number | null): Promise<string> {
  const s = repo.state();
  const rows = await q.query<{ copy_id: string }>(
    `INSERT INTO inventory_state (copy_id, change, watermark, clock_start, newest_stamp, source, options, item_count, loaded_by, loaded_at)
     VALUES (coalesce($1::uuid, gen_random_uuid()), $2, $3, $4, $5, $6, $7, $8, $9, now())
     ON CONFLICT (singleton) DO UPDATE SET copy_id = EXCLUDED.copy_id, change = EXCLUDED.change, watermark = EXCLUDED.watermark,
       clock_start = EXCLUDED.clock_start, newest_stamp = EXCLUDED.newest_stamp, source = EXCLUDED.source, options = EXCLUDED.options,
       item_count = EXCLUDED.item_count, loaded_by = EXCLUDED.loaded_by, loaded_at = EXCLUDED.loaded_at
     RETURNING copy_id`,
    [copyId, change, s.watermark, s.clockStart, s.newestStamp, s.source ?? '', s.options ?? '', s.itemCount, loadedBy],
  );
  return rows[0].copy_id;
}

async function nextChange(q: StoreQuery): Promise<number> {
  return Number((await q.query<{ c: string }>("SELECT nextval('inventory_change') AS c"))[0].c);
}

/**
 * The whole local copy becomes the server's, with its watermark, in one transaction (a full load, or
 * the first workstation's copy seeding the store). A new copy id tells the others to take it whole.
 */
export async function writeWholeCopy(q: StoreQuery, db: Db, repo: InventoryRepo, loadedBy: number | null, notifySql: string): Promise<KnownCopy> {
  const change = await nextChange(q);
  await q.query('DELETE FROM inventory_items');
  for (const rows of currentRows(db)) await writeItems(q, rows.map(rowToItem), change);
  const copyId = await writeState(q, repo, null, change, loadedBy);
  await q.query(notifySql);
  return { copyId, change, pending: false };
}

/**
 * A change set: the current rows of the SKUs it touched (a SKU no longer in the copy as a removal)
 * and the new watermark, in one transaction. Answers null when the server's copy is not the one
 * this workstation knows, so nothing is written over another's.
 */
export async function writeChanges(q: StoreQuery, db: Db, repo: InventoryRepo, known: KnownCopy, skus: string[], loadedBy: number | null, notifySql: string): Promise<KnownCopy | null> {
  const server = (await q.query<{ copy_id: string; change: string }>('SELECT copy_id, change FROM inventory_state FOR UPDATE'))[0];
  if (!server || server.copy_id !== known.copyId || Number(server.change) !== known.change) return null;
  const change = await nextChange(q);
  const rows = rowsOfSkus(db, skus);
  const unique = [...new Map(skus.map((s) => [s.toLowerCase(), s])).values()];
  await writeItems(q, unique.map((sku) => { const row = rows.get(sku.toLowerCase()); return row ? rowToItem(row) : goneItem(sku); }), change);
  await writeState(q, repo, known.copyId, change, loadedBy);
  await q.query(notifySql);
  return { copyId: known.copyId, change, pending: false };
}

/** Items changed after `change`, in the caller's snapshot. */
export async function changedItems(q: StoreQuery, after: number): Promise<unknown[]> {
  const rows = await q.query<{ item: string }>('SELECT item FROM inventory_items WHERE change > $1 ORDER BY change, sku_key', [after]);
  return rows.map((r) => JSON.parse(r.item) as unknown);
}

/** Every item of the server's copy, read a page at a time in the caller's snapshot. */
export function wholeCopySource(q: StoreQuery, total: number, pageSize = 5_000): ItemSource {
  let after = '';
  let buffer: unknown[] = [];
  let done = false;
  return {
    total,
    close: () => undefined,
    next: async (max) => {
      if (buffer.length === 0 && !done) {
        const rows = await q.query<{ sku_key: string; item: string }>('SELECT sku_key, item FROM inventory_items WHERE sku_key > $1 ORDER BY sku_key LIMIT $2', [after, pageSize]);
        done = rows.length < pageSize;
        if (rows.length > 0) after = rows[rows.length - 1].sku_key;
        buffer = rows.map((r) => JSON.parse(r.item) as unknown);
      }
      if (buffer.length === 0) return null;
      return buffer.splice(0, Math.max(1, max));
    },
  };
}
