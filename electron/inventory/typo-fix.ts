import type Database from 'better-sqlite3';
import type { Db } from '../core/store/database';
import { ftsTable, type Slot } from './slot-schema';
import { oneEditApart, type ParsedQuery } from './search-query';

/** Vocabulary ranges kept for the copy's current version: a person typing a word that matches nothing asks for the same range at each letter. */
const KEPT_RANGES = 32;

/**
 * A search that finds nothing gets one more try with each word that matches nothing replaced by
 * the most common word of the copy one edit away ("blazr" → "blazer"), read from one range of
 * the full-text index's vocabulary (words sharing its first two letters). Reading a range counts
 * the rows of each of its words, so the ranges read are kept for the copy's version they were read
 * from (a few at most): typing "consignor" letter by letter reads the range "co" once.
 */
export class TypoFixer {
  private readonly range: [Database.Statement, Database.Statement];
  private readonly anyMatch: [Database.Statement, Database.Statement];
  private readonly ranges = new Map<string, [string, number][]>();
  private rangesOf = '';

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
  fix(slot: Slot, dataVersion: number, q: ParsedQuery): ParsedQuery | null {
    if (this.rangesOf !== `${slot}:${dataVersion}`) {
      this.ranges.clear();
      this.rangesOf = `${slot}:${dataVersion}`;
    }
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
    for (const [term, docs] of this.vocabulary(slot, w.slice(0, 2))) {
      if (docs > bestDocs && Math.abs(term.length - w.length) <= 1 && oneEditApart(w, term)) {
        best = term;
        bestDocs = docs;
      }
    }
    return best;
  }

  /** The words of the copy starting with `head`, with how many rows hold each. */
  private vocabulary(slot: Slot, head: string): [string, number][] {
    let words = this.ranges.get(head);
    if (!words) {
      words = this.range[slot].all(head, `${head}\u{10FFFF}`) as [string, number][];
      if (this.ranges.size >= KEPT_RANGES) this.ranges.delete(this.ranges.keys().next().value as string);
      this.ranges.set(head, words);
    }
    return words;
  }
}
