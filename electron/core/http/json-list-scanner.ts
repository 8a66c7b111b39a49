/**
 * Finds where each element of a JSON answer's list begins and ends while the answer's bytes
 * arrive, without parsing the elements: the list is the top-level array, or the array under a
 * top-level "results" key. The answer's other top-level fields are parsed as they complete. A
 * caller keeps the bytes (in a file, say) and parses the elements a slice at a time once their
 * bounds are known, so a list of a million items is never held whole, as objects or as text.
 *
 * Strings make up most of an answer: their ends are found with the bytes' own indexOf, so a
 * piece costs little more than a pass of memchr.
 */

const TOP = 0, OBJ_FIRST = 1, OBJ_KEY = 2, COLON = 3, OBJ_VALUE = 4, OBJ_NEXT = 5, LIST_FIRST = 6, LIST_ITEM = 7, LIST_NEXT = 8, VALUE = 9, DONE = 10;
const V_BEGIN = 0, V_STR = 1, V_NEST = 2, V_SCALAR = 3;
const FOR_ELEMENT = 0, FOR_KEY = 1, FOR_FIELD = 2;
const QUOTE = 34, BACKSLASH = 92, OPEN_OBJ = 123, CLOSE_OBJ = 125, OPEN_LIST = 91, CLOSE_LIST = 93, COMMA = 44, COLON_BYTE = 58;

const isBlank = (b: number) => b === 32 || b === 9 || b === 10 || b === 13;
const fail = (message: string): never => {
  throw new SyntaxError(message);
};

export class JsonListScanner {
  /** The answer's other top-level fields (null while none is known, or when the answer is a bare list). */
  shell: Record<string, unknown> | null = null;
  /** Whether the answer has a list (known for certain once it has ended). */
  listFound = false;
  /** Bytes received so far. */
  received = 0;
  /** Start and end offsets of each element found and not yet taken. */
  private bounds: number[] = [];
  private taken = 0;
  private found = 0;
  private mode = TOP;
  private listIsTop = false;
  private key = '';
  // The value being scanned: where it began, what it is for, where the scan stands in it.
  private vStart = 0;
  private vFor = FOR_ELEMENT;
  private vState = V_BEGIN;
  private vDepth = 0;
  /** Backslashes ending the previous piece inside a string. */
  private slashes = 0;
  /** Pieces a top-level key or field still needs, and where each starts in the answer. */
  private pieces: Uint8Array[] = [];
  private starts: number[] = [];
  private readonly decoder = new TextDecoder();

  /** Elements found so far, taken or not. */
  get elements(): number {
    return this.found;
  }

  /** Elements found and not yet taken. */
  get waiting(): number {
    return this.found - this.taken;
  }

  get ended(): boolean {
    return this.mode === DONE;
  }

  /**
   * Takes up to `max` found elements, and no more than span `maxBytes` (one at least): the offsets
   * where the first begins and the last ends (the bytes between hold them separated by commas and
   * white space), or null when none waits.
   */
  take(max: number, maxBytes = Infinity): { from: number; to: number; count: number } | null {
    let count = Math.min(max, this.found - this.taken);
    if (count <= 0) return null;
    const at = 2 * (this.taken - (this.found - this.bounds.length / 2));
    const from = this.bounds[at];
    // The most elements whose span fits: element k (from 0) ends at bounds[at + 2k + 1], which grows with k.
    if (this.bounds[at + 2 * count - 1] - from > maxBytes) {
      let fits = 1;
      for (let lo = 1, hi = count - 1; lo <= hi; ) {
        const mid = (lo + hi) >> 1;
        if (this.bounds[at + 2 * mid - 1] - from <= maxBytes) {
          fits = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      count = fits;
    }
    const out = { from, to: this.bounds[at + 2 * count - 1], count };
    this.taken += count;
    // Taken bounds are let go of now and then, so a long list never keeps them all.
    const done = 2 * (this.taken - (this.found - this.bounds.length / 2));
    if (done > 65_536) this.bounds = this.bounds.slice(done);
    return out;
  }

  /** Scans the next piece of the answer. Throws a SyntaxError where it stops being JSON of that shape. */
  feed(c: Uint8Array): void {
    const off = this.received;
    this.pieces.push(c);
    this.starts.push(off);
    this.received += c.length;
    const n = c.length;
    let i = 0;
    while (i < n) {
      if (this.mode === VALUE) {
        i = this.scanValue(c, i, off);
        continue;
      }
      const b = c[i];
      if (isBlank(b)) {
        i++;
        continue;
      }
      i = this.structure(b, i, off);
    }
    this.release();
  }

  /** Whether a piece fed is still kept (a top-level field being scanned spans it). */
  holds(c: Uint8Array): boolean {
    return this.pieces.includes(c);
  }

  /** The answer has ended: throws a SyntaxError unless it was whole. */
  end(): void {
    if (this.mode !== DONE) fail('Unexpected end of JSON input');
  }

  /** One byte of the answer's outer structure (outside any value); answers where to go on. */
  private structure(b: number, i: number, off: number): number {
    const at = off + i;
    switch (this.mode) {
      case TOP:
        if (b === OPEN_LIST) {
          this.listIsTop = this.listFound = true;
          this.mode = LIST_FIRST;
        } else if (b === OPEN_OBJ) {
          this.shell = {};
          this.mode = OBJ_FIRST;
        } else fail(`Unexpected token in JSON at position ${at}`);
        return i + 1;
      case OBJ_FIRST:
      case OBJ_KEY:
        if (b === CLOSE_OBJ && this.mode === OBJ_FIRST) {
          this.mode = DONE;
          return i + 1;
        }
        if (b !== QUOTE) fail(`Expected a property name in JSON at position ${at}`);
        this.startValue(at, FOR_KEY);
        return i;
      case COLON:
        if (b !== COLON_BYTE) fail(`Expected ':' in JSON at position ${at}`);
        this.mode = OBJ_VALUE;
        return i + 1;
      case OBJ_VALUE:
        if (this.key === 'results' && b === OPEN_LIST) {
          this.listFound = true;
          this.mode = LIST_FIRST;
          return i + 1;
        }
        this.startValue(at, FOR_FIELD);
        return i;
      case OBJ_NEXT:
        if (b === COMMA) this.mode = OBJ_KEY;
        else if (b === CLOSE_OBJ) this.mode = DONE;
        else fail(`Unexpected token in JSON at position ${at}`);
        return i + 1;
      case LIST_FIRST:
      case LIST_ITEM:
        if (b === CLOSE_LIST && this.mode === LIST_FIRST) {
          this.mode = this.listIsTop ? DONE : OBJ_NEXT;
          return i + 1;
        }
        this.startValue(at, FOR_ELEMENT);
        return i;
      case LIST_NEXT:
        if (b === COMMA) this.mode = LIST_ITEM;
        else if (b === CLOSE_LIST) this.mode = this.listIsTop ? DONE : OBJ_NEXT;
        else fail(`Unexpected token in JSON list at position ${at}`);
        return i + 1;
      default:
        return fail(`Unexpected data after JSON at position ${at}`);
    }
  }

  private startValue(at: number, what: number): void {
    this.mode = VALUE;
    this.vStart = at;
    this.vFor = what;
    this.vState = V_BEGIN;
    this.vDepth = 0;
  }

  private endValue(end: number): void {
    if (this.vFor === FOR_ELEMENT) {
      this.bounds.push(this.vStart, end);
      this.found += 1;
      this.mode = LIST_NEXT;
      return;
    }
    const value: unknown = JSON.parse(this.decoder.decode(this.bytesOf(this.vStart, end)));
    if (this.vFor === FOR_KEY) {
      this.key = value as string;
      this.mode = COLON;
      return;
    }
    this.shell![this.key] = value;
    this.mode = OBJ_NEXT;
  }

  /** Where the string that continues at c[i] ends (just past its closing quote), or -1 when it goes on past this piece. */
  private stringEnd(c: Uint8Array, i: number): number {
    for (;;) {
      const q = c.indexOf(QUOTE, i);
      const stop = q < 0 ? c.length : q;
      let k = stop - 1;
      while (k >= i && c[k] === BACKSLASH) k--;
      // Backslashes right before the quote (or the piece's end), with those that ended the last piece when they run back to it.
      const run = stop - 1 - k + (k < i ? this.slashes : 0);
      this.slashes = 0;
      if (q < 0) {
        this.slashes = run;
        return -1;
      }
      if (run % 2 === 0) return q + 1;
      i = q + 1;
    }
  }

  /** Scans a value from c[i]; answers where the scan stopped (c.length when the value goes on). */
  private scanValue(c: Uint8Array, i: number, off: number): number {
    const n = c.length;
    if (this.vState === V_BEGIN) {
      const b = c[i];
      this.slashes = 0;
      if (b === QUOTE) this.vState = V_STR;
      else if (b === OPEN_OBJ || b === OPEN_LIST) {
        this.vState = V_NEST;
        this.vDepth = 1;
      } else if (b === CLOSE_OBJ || b === CLOSE_LIST || b === COMMA || b === COLON_BYTE) fail(`Unexpected token in JSON at position ${off + i}`);
      else this.vState = V_SCALAR;
      i++;
    }
    while (i < n) {
      if (this.vState === V_STR) {
        const end = this.stringEnd(c, i);
        if (end < 0) return n;
        i = end;
        if (this.vDepth === 0) {
          this.endValue(off + i);
          return i;
        }
        this.vState = V_NEST;
      } else if (this.vState === V_NEST) {
        for (; i < n; i++) {
          const b = c[i];
          if (b === QUOTE) {
            this.vState = V_STR;
            this.slashes = 0;
            i++;
            break;
          }
          if (b === OPEN_OBJ || b === OPEN_LIST) this.vDepth++;
          else if ((b === CLOSE_OBJ || b === CLOSE_LIST) && --this.vDepth === 0) {
            this.endValue(off + i + 1);
            return i + 1;
          }
        }
      } else {
        for (; i < n; i++) {
          const b = c[i];
          // The byte that ends a number, true, false or null belongs to what follows it.
          if (b === COMMA || b === CLOSE_LIST || b === CLOSE_OBJ || isBlank(b)) {
            this.endValue(off + i);
            return i;
          }
        }
      }
    }
    return n;
  }

  /** A top-level field's bytes from offset a to b, from the pieces kept for it. */
  private bytesOf(a: number, b: number): Uint8Array {
    let k = 0;
    while (k < this.pieces.length - 1 && this.starts[k + 1] <= a) k++;
    const first = this.pieces[k];
    if (b - this.starts[k] <= first.length) return first.subarray(a - this.starts[k], b - this.starts[k]);
    const out = new Uint8Array(b - a);
    for (let at = 0; at < out.length; k++) {
      const p = this.pieces[k];
      const from = Math.max(0, a - this.starts[k]);
      const to = Math.min(p.length, b - this.starts[k]);
      out.set(p.subarray(from, to), at);
      at += to - from;
    }
    return out;
  }

  /** Keeps only the pieces a top-level key or field being scanned still needs. */
  private release(): void {
    const from = this.mode === VALUE && this.vFor !== FOR_ELEMENT ? this.vStart : this.received;
    let k = 0;
    while (k < this.pieces.length && this.starts[k] + this.pieces[k].length <= from) k++;
    if (k > 0) {
      this.pieces = this.pieces.slice(k);
      this.starts = this.starts.slice(k);
    }
  }
}
