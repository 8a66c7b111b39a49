import type Database from 'better-sqlite3';
import type { Db } from '../core/store/database';
import { ftsTable, type Slot } from './slot-schema';
import { oneEditApart, type ParsedQuery } from './search-query';

/**
 * A search that finds nothing gets one more try with each word that matches nothing replaced by
 * the most common word of the copy one edit away ("blazr" → "blazer"), read from one range of
 * the full-text index's vocabulary (words sharing its first two letters).
 */
export class TypoFixer {
  private readonly range: [Database.Statement, Database.Statement];
  private readonly anyMatch: [Database.Statement, Database.Statement];

  constructor(db: Db) {
    const vocab = (slot: Slot) => {
      db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.inventory_vocab_${slot} USING fts5vocab(main, ${ftsTable(slot)}, row)`);
      return db.prepare(`SELECT term, doc FROM temp.inventory_vocab_${slot} WHERE term >= ? AND term < ?`).raw();
    };
    const some = (slot: Slot) => db.prepare(`SELECT EXISTS (SELECT 1 FROM ${ftsTable(slot)} WHERE ${ftsTable(slot)} MATCH ?)`).pluck();
    this.range = [vocab(0), vocab(1)];
    this.anyMatch = [some(0), some(1)];
  }

  private matches(slot: Slot, word: string): boolean {
    return this.anyMatch[slot].get(`"${word.replace(/"/g, '""')}"*`) === 1;
  }

  /** The query with its unknown words corrected, or null when there is nothing better to try. */
  fix(slot: Slot, q: ParsedQuery): ParsedQuery | null {
    let changed = false;
    const words = q.words.map((w) => {
      if (this.matches(slot, w.toLowerCase())) return w;
      const best = this.closest(slot, w);
      if (best) changed = true;
      return best ?? w;
    });
    return changed ? { ...q, words } : null;
  }

  /** Reads the words sharing the first two letters (one range of the vocabulary) and keeps those one edit away. */
  private closest(slot: Slot, word: string): string | null {
    const w = word.toLowerCase();
    if (w.length < 4 || /\d/.test(w)) return null;
    let best: string | null = null;
    let bestDocs = 0;
    const head = w.slice(0, 2);
    for (const [term, docs] of this.range[slot].all(head, `${head}\u{10FFFF}`) as [string, number][]) {
      if (docs > bestDocs && Math.abs(term.length - w.length) <= 1 && oneEditApart(w, term)) {
        best = term;
        bestDocs = docs;
      }
    }
    return best;
  }
}
