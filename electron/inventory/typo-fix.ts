import type Database from 'better-sqlite3';
import type { Db } from '../core/store/database';
import { ftsTable, type Slot } from './slot-schema';
import { oneEditAway, type ParsedQuery } from './search-query';

/**
 * A search that finds nothing gets one more try with each word that matches nothing replaced by
 * the most common word of the copy one edit away ("blazr" → "blazer"). Candidates are checked
 * against the full-text index's vocabulary, a few hundred lookups in a B-tree.
 */
export class TypoFixer {
  private readonly exact: [Database.Statement, Database.Statement];
  private readonly anyMatch: [Database.Statement, Database.Statement];

  constructor(db: Db) {
    const vocab = (slot: Slot) => {
      db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.inventory_vocab_${slot} USING fts5vocab(main, ${ftsTable(slot)}, row)`);
      return db.prepare(`SELECT doc FROM temp.inventory_vocab_${slot} WHERE term = ?`).pluck();
    };
    const some = (slot: Slot) => db.prepare(`SELECT EXISTS (SELECT 1 FROM ${ftsTable(slot)} WHERE ${ftsTable(slot)} MATCH ?)`).pluck();
    this.exact = [vocab(0), vocab(1)];
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

  private closest(slot: Slot, word: string): string | null {
    let best: string | null = null;
    let bestDocs = 0;
    for (const candidate of oneEditAway(word)) {
      const docs = (this.exact[slot].get(candidate) as number | undefined) ?? 0;
      if (docs > bestDocs) {
        best = candidate;
        bestDocs = docs;
      }
    }
    return best;
  }
}
