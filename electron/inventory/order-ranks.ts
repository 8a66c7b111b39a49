import type { SearchSort } from '../../shared/inventory/schemas';
import { sharedIn, type CopyFacts, type OrderKey } from './copy-facts';

const NOWHERE = 0xffffffff;

/** Which kept order a sort follows, and whether it walks it backwards (ties then by id, descending). */
export function orderOf(sort: SearchSort): { key: OrderKey; desc: boolean } {
  switch (sort) {
    case 'sku':
      return { key: 'sku', desc: false };
    case 'price-asc':
      return { key: 'price', desc: false };
    case 'price-desc':
      return { key: 'price', desc: true };
    case 'quantity':
      return { key: 'quantity', desc: true };
    case 'newest':
      return { key: 'created', desc: true };
    case 'updated':
      return { key: 'updated', desc: true };
    default:
      return { key: 'name', desc: false };
  }
}

/**
 * The sort orders of one version of the copy (see copy-facts.ts), and each row id's position in
 * an order, worked out on first use. Sorting found rows is a sort of their positions in memory,
 * never a row lookup each; browsing, filtered or not, walks an order.
 */
export class OrderRanks {
  private readonly ranks = new Map<OrderKey, Uint32Array>();
  /** The bitmap a page marks positions in, kept clear between calls. */
  private marks = new Uint32Array(0);

  constructor(
    private readonly facts: Pick<CopyFacts, 'orders' | 'flags'>,
    /** The positions of the facts these replace, whose memory is written over here rather than fresh memory faulted in (see FactsRoom). */
    private readonly spare = new Map<OrderKey, Uint32Array>(),
  ) {}

  /** This version's positions, for the next version's to be written into; none are read here again. */
  handOver(): Map<OrderKey, Uint32Array> {
    const out = new Map([...this.spare, ...this.ranks]);
    this.ranks.clear();
    this.spare.clear();
    return out;
  }

  /** How many rows each order holds. */
  get size(): number {
    return this.facts.orders.name.length;
  }

  private rankOf(key: OrderKey): Uint32Array {
    let rank = this.ranks.get(key);
    if (!rank) {
      const order = this.facts.orders[key];
      rank = sharedIn(Uint32Array, this.facts.flags.length, this.spare.get(key)).fill(NOWHERE);
      this.spare.delete(key);
      for (let pos = 0; pos < order.length; pos++) rank[order[pos]] = pos;
      this.ranks.set(key, rank);
    }
    return rank;
  }

  /** The sort as a function from a position (0 = first shown) to a row id. */
  positions(sort: SearchSort): (pos: number) => number {
    const { key, desc } = orderOf(sort);
    const order = this.facts.orders[key];
    const last = order.length - 1;
    return desc ? (pos) => order[last - pos] : (pos) => order[pos];
  }

  /** A page of the whole copy in this sort. */
  slice(sort: SearchSort, offset: number, limit: number): number[] {
    const at = this.positions(sort);
    const out: number[] = [];
    for (let pos = offset; pos < Math.min(this.size, offset + limit); pos++) out.push(at(pos));
    return out;
  }

  /**
   * A page of these row ids in this sort; ids with no row are left out. Their positions are marked
   * in a bitmap of the order and the page read off it from the end the sort starts at: a pass over
   * the ids and at most one over the bitmap's words, where sorting the positions would cost a
   * comparison sort of every one of them.
   */
  page(sort: SearchSort, ids: number[], offset: number, limit: number): number[] {
    const { key, desc } = orderOf(sort);
    const order = this.facts.orders[key];
    const rank = this.rankOf(key);
    const words = (order.length + 31) >>> 5;
    if (this.marks.length < words) this.marks = new Uint32Array(words);
    const marks = this.marks;
    for (const id of ids) {
      const p = id < rank.length ? rank[id] : NOWHERE;
      if (p !== NOWHERE) marks[p >>> 5] |= 1 << (p & 31);
    }
    const out: number[] = [];
    let skip = offset;
    for (let k = 0; k < words && out.length < limit; k++) {
      const w = desc ? words - 1 - k : k;
      for (let bits = marks[w]; bits !== 0 && out.length < limit; ) {
        // Going up, the lowest marked position of the word first; going down, the highest.
        const bit = desc ? 31 - Math.clz32(bits) : 31 - Math.clz32(bits & -bits);
        bits &= ~(1 << bit);
        if (skip > 0) skip -= 1;
        else out.push(order[(w << 5) + bit]);
      }
    }
    marks.fill(0, 0, words);
    return out;
  }

  /** A page of the rows passing `keep`, walking the sort from its start. */
  walk(sort: SearchSort, keep: (id: number) => boolean, offset: number, limit: number): number[] {
    const at = this.positions(sort);
    const out: number[] = [];
    let skip = offset;
    for (let pos = 0; pos < this.size && out.length < limit; pos++) {
      const id = at(pos);
      if (!keep(id)) continue;
      if (skip > 0) skip -= 1;
      else out.push(id);
    }
    return out;
  }
}
