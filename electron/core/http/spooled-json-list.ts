import fs from 'node:fs';
import { answerFile } from './answer-file';
import { JsonListScanner } from './json-list-scanner';

const MB = 1024 * 1024;

/**
 * A JSON answer whose data is a list, taken in as its bytes arrive: each piece goes to a private
 * file and is scanned for the list's elements (see json-list-scanner.ts), and elements found are
 * read back and parsed a slice at a time, while the rest is still arriving. Memory holds a piece
 * and a slice: never the answer whole (the answer of a million items is half a gigabyte).
 */
export class SpooledJsonList {
  private readonly scanner = new JsonListScanner();
  private readonly file = answerFile();
  private closed = false;
  /** Where each slice is read: kept, and grown for a larger one. */
  private buffer: Buffer | null = null;

  /**
   * Takes the next piece; throws a SyntaxError where the answer stops being JSON of that shape.
   * Answers whether the piece's memory is free again (nothing kept a view of it).
   */
  feed(piece: Uint8Array): boolean {
    const off = this.scanner.received;
    for (let at = 0; at < piece.length; ) at += fs.writeSync(this.file.fd, piece, at, piece.length - at, off + at);
    this.scanner.feed(piece);
    return !this.scanner.holds(piece);
  }

  /** The answer has ended: throws a SyntaxError unless it was whole. */
  end(): void {
    this.scanner.end();
  }

  get ended(): boolean {
    return this.scanner.ended;
  }

  /** Elements found so far. */
  get found(): number {
    return this.scanner.elements;
  }

  /** Elements found and not yet taken. */
  get waiting(): number {
    return this.scanner.waiting;
  }

  /** The answer's other top-level fields; whether it has a list at all (certain once ended). */
  get shell(): { fields: Record<string, unknown> | null; hasList: boolean } {
    return { fields: this.scanner.shell, hasList: this.scanner.listFound };
  }

  /** The next found elements (at most `max`, spanning at most `maxBytes` but one at least), parsed, or null when none waits. Throws a SyntaxError for an element that is not JSON. */
  take(max: number, maxBytes?: number): unknown[] | null {
    const t = this.scanner.take(max, maxBytes);
    if (!t) return null;
    // The elements are read between the brackets of a list, into one buffer kept for every slice: a
    // slice is megabytes, which would otherwise be a fresh allocation each time, then a second copy
    // of its text to join the brackets on.
    const length = t.to - t.from;
    const bytes = this.scratch(length + 2);
    bytes[0] = 0x5b;
    for (let at = 0; at < length; ) {
      const n = fs.readSync(this.file.fd, bytes, 1 + at, length - at, t.from + at);
      if (n === 0) throw new Error('the answer file ended early');
      at += n;
    }
    bytes[length + 1] = 0x5d;
    // Buffer's own decoding: several times faster than a TextDecoder's here, with the same replacement of bad bytes.
    return JSON.parse(bytes.toString('utf8', 0, length + 2)) as unknown[];
  }

  /** The kept buffer, grown to hold at least `size` bytes. */
  private scratch(size: number): Buffer {
    if (!this.buffer || this.buffer.length < size) this.buffer = Buffer.allocUnsafe(Math.ceil(size / MB) * MB);
    return this.buffer;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.buffer = null;
    this.file.remove();
  }
}
