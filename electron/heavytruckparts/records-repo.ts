import type { Interaction, LocalSale } from '../../shared/heavytruckparts/records';
import type { CreateAnswer } from '../../shared/heavytruckparts/sales-doc';
import type { SaleDraft } from '../../shared/heavytruckparts/sale';
import { saleTotal } from '../../shared/heavytruckparts/sale';
import type { Db } from '../core/store/database';

interface InteractionRow {
  id: number;
  kind: Interaction['kind'];
  state: Interaction['state'];
  summary: string;
  body: string;
  answer: string | null;
  answer_words: string | null;
  message: string | null;
  created_at: number;
  updated_at: number;
}

interface SaleRow {
  id: number;
  state: LocalSale['state'];
  user_id: string;
  po_number: string;
  total_cents: number;
  draft: string;
  body: string;
  online_transaction_id: string | null;
  answer: string | null;
  message: string | null;
  created_at: number;
  updated_at: number;
}

const toInteraction = (r: InteractionRow): Interaction => ({
  id: r.id,
  kind: r.kind,
  state: r.state,
  summary: r.summary,
  answer: r.answer,
  answerWords: r.answer_words,
  message: r.message,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

function toSale(r: SaleRow): LocalSale {
  const draft = JSON.parse(r.draft) as SaleDraft;
  return {
    id: r.id,
    state: r.state,
    userId: r.user_id,
    poNumber: r.po_number,
    totalCents: r.total_cents,
    lineCount: draft.lines.length,
    lines: draft.lines.map((l) => ({
      vendorId: l.vendorId,
      store: l.store,
      inventoryId: l.inventoryId,
      label: l.label,
      quantity: l.quantity,
      priceCents: l.priceCents,
      corePriceCents: l.corePriceCents,
      shippingCents: l.shippingCents,
      taxCents: l.taxCents,
    })),
    saleDate: draft.saleDate,
    shippingMethod: draft.shippingMethod,
    comments: draft.comments,
    billing: draft.billing,
    shipping: draft.shipping,
    onlineTransactionId: r.online_transaction_id,
    answer: r.answer ? (JSON.parse(r.answer) as CreateAnswer) : null,
    message: r.message,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Logged interactions and sales documents asked for: each written before the call that acts at HeavyTruckParts. */
export class RecordsRepo {
  constructor(private readonly db: Db) {}

  addInteraction(kind: Interaction['kind'], summary: string, body: unknown, now: number): Interaction {
    const r = this.db.prepare("INSERT INTO htp_interactions (kind, state, summary, body, created_at, updated_at) VALUES (?, 'sending', ?, ?, ?, ?)").run(kind, summary, JSON.stringify(body), now, now);
    return this.interaction(Number(r.lastInsertRowid))!;
  }

  interaction(id: number): Interaction | null {
    const r = this.db.prepare('SELECT * FROM htp_interactions WHERE id = ?').get(id) as InteractionRow | undefined;
    return r ? toInteraction(r) : null;
  }

  interactionBody(id: number): unknown {
    const r = this.db.prepare('SELECT body FROM htp_interactions WHERE id = ?').pluck().get(id) as string | undefined;
    return r === undefined ? undefined : JSON.parse(r);
  }

  /** `answer` is the raw answer and its words; undefined leaves both as they are. */
  setInteraction(id: number, state: Interaction['state'], answer: { raw: string; words: string } | null | undefined, message: string | null, now: number): Interaction {
    if (answer === undefined) this.db.prepare('UPDATE htp_interactions SET state = ?, message = ?, updated_at = ? WHERE id = ?').run(state, message, now, id);
    else this.db.prepare('UPDATE htp_interactions SET state = ?, answer = ?, answer_words = ?, message = ?, updated_at = ? WHERE id = ?').run(state, answer?.raw ?? null, answer?.words ?? null, message, now, id);
    return this.interaction(id)!;
  }

  interactions(limit = 200): Interaction[] {
    return (this.db.prepare('SELECT * FROM htp_interactions ORDER BY id DESC LIMIT ?').all(limit) as InteractionRow[]).map(toInteraction);
  }

  addSale(draft: SaleDraft, body: unknown, now: number): LocalSale {
    const r = this.db
      .prepare("INSERT INTO htp_sales (state, user_id, po_number, total_cents, draft, body, created_at, updated_at) VALUES ('sending', ?, ?, ?, ?, ?, ?, ?)")
      .run(draft.userId, draft.poNumber, saleTotal(draft), JSON.stringify(draft), JSON.stringify(body), now, now);
    return this.sale(Number(r.lastInsertRowid))!;
  }

  sale(id: number): LocalSale | null {
    const r = this.db.prepare('SELECT * FROM htp_sales WHERE id = ?').get(id) as SaleRow | undefined;
    return r ? toSale(r) : null;
  }

  saleBody(id: number): unknown {
    return JSON.parse(this.db.prepare('SELECT body FROM htp_sales WHERE id = ?').pluck().get(id) as string);
  }

  setSale(id: number, fields: { state: LocalSale['state']; answer?: CreateAnswer | null; onlineTransactionId?: string | null; message: string | null }, now: number): LocalSale {
    const cur = this.sale(id)!;
    const answer = fields.answer === undefined ? cur.answer : fields.answer;
    const tx = fields.onlineTransactionId === undefined ? cur.onlineTransactionId : fields.onlineTransactionId;
    this.db.prepare('UPDATE htp_sales SET state = ?, answer = ?, online_transaction_id = ?, message = ?, updated_at = ? WHERE id = ?').run(fields.state, answer ? JSON.stringify(answer) : null, tx, fields.message, now, id);
    return this.sale(id)!;
  }

  sales(limit = 200): LocalSale[] {
    return (this.db.prepare('SELECT * FROM htp_sales ORDER BY id DESC LIMIT ?').all(limit) as SaleRow[]).map(toSale);
  }

  knownTransactionIds(): Set<string> {
    return new Set(this.db.prepare('SELECT online_transaction_id FROM htp_sales WHERE online_transaction_id IS NOT NULL').pluck().all() as string[]);
  }

  /** After a crash mid-call nobody knows whether HeavyTruckParts acted: those wait for the clerk. */
  markInterruptedUnknown(now: number): void {
    const why = 'The app stopped while this was being sent; HeavyTruckParts may have received it.';
    this.db.prepare("UPDATE htp_interactions SET state = 'unknown', message = ?, updated_at = ? WHERE state = 'sending'").run(why, now);
    this.db.prepare("UPDATE htp_sales SET state = 'unknown', message = ?, updated_at = ? WHERE state = 'sending'").run(why, now);
  }
}
