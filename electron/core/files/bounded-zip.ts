import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { AppError } from '../app-error';

export interface ZipLimits {
  /** Entries the archive may list at all. */
  maxEntries: number;
  /** Bytes one entry may unpack to. */
  maxEntryBytes: number;
  /** How many times its packed size an entry larger than `ratioFloorBytes` may unpack to. */
  maxRatio: number;
  ratioFloorBytes?: number;
}

const MB = 1024 * 1024;

/** Sizes as people read them: "3.0 GB", "256 MB", "12 KB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * MB) return `${(bytes / (1024 * MB)).toFixed(1)} GB`;
  if (bytes >= MB) return `${Math.round(bytes / MB)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

const unreadable = (what: string, reason?: string) =>
  new AppError('invalid-input', `This file is not ${what} the app can read${reason ? ` (${reason})` : ''}.`);

/**
 * A ZIP archive read entry by entry (yauzl), never whole: what an entry says it unpacks to is
 * checked against the limits before a byte is inflated, and yauzl stops any entry whose inflated
 * bytes run past what it said, so a "bomb" costs no more memory or time than the limits allow.
 */
export class BoundedZip {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    readonly entries: yauzl.Entry[],
    private readonly limits: ZipLimits,
    private readonly what: string,
  ) {}

  /** Lists the archive's entries; `what` names the kind of file in messages ("a ZIP archive", "an Excel workbook (.xlsx)"). */
  static async open(bytes: Buffer, limits: ZipLimits, what: string): Promise<BoundedZip> {
    let zip: yauzl.ZipFile;
    try {
      zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true });
    } catch {
      throw unreadable(what);
    }
    const entries: yauzl.Entry[] = [];
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entries.push(entry) > limits.maxEntries) {
          zip.close();
          return reject(new AppError('invalid-input', `This file lists more than ${limits.maxEntries.toLocaleString('en-US')} entries; the app does not open it.`));
        }
        zip.readEntry();
      });
      zip.once('end', () => resolve());
      zip.once('error', (e: Error) => reject(unreadable(what, e.message)));
      zip.readEntry();
    });
    return new BoundedZip(zip, entries, limits, what);
  }

  /** Files only, without folders and the hidden entries macOS and others add. */
  files(): yauzl.Entry[] {
    return this.entries.filter((e) => !e.fileName.endsWith('/') && !e.fileName.startsWith('__MACOSX/') && !/(^|\/)\./.test(e.fileName));
  }

  find(name: string): yauzl.Entry | undefined {
    return this.entries.find((e) => e.fileName === name);
  }

  /** Refuses, in plain words, an entry that says it unpacks past the limits. */
  check(entry: yauzl.Entry, maxBytes = this.limits.maxEntryBytes): void {
    const size = entry.uncompressedSize;
    if (size > maxBytes) {
      throw new AppError('invalid-input', `“${entry.fileName}” in this file unpacks to ${formatBytes(size)}, more than the ${formatBytes(maxBytes)} the app opens; nothing was read from it.`);
    }
    const packed = Math.max(1, entry.compressedSize);
    if (size > (this.limits.ratioFloorBytes ?? MB) && size / packed > this.limits.maxRatio) {
      throw new AppError('invalid-input', `“${entry.fileName}” in this file unpacks to ${Math.round(size / packed).toLocaleString('en-US')} times its packed size (${formatBytes(size)}), more than any real sheet or picture; the app does not open it.`);
    }
  }

  /** The entry's bytes as a stream, after `check`; the stream fails if it runs past its stated size. */
  async stream(entry: yauzl.Entry, maxBytes?: number): Promise<Readable> {
    this.check(entry, maxBytes);
    try {
      return await this.zip.openReadStreamPromise(entry);
    } catch (e) {
      throw unreadable(this.what, (e as Error).message);
    }
  }

  /** The entry's bytes in memory, after `check` (use only under a small `maxBytes`). */
  async read(entry: yauzl.Entry, maxBytes?: number): Promise<Buffer> {
    const stream = await this.stream(entry, maxBytes);
    const parts: Buffer[] = [];
    try {
      for await (const part of stream) parts.push(part as Buffer);
    } catch (e) {
      throw unreadable(this.what, (e as Error).message);
    }
    return Buffer.concat(parts);
  }

  /** A failure met while reading an entry's stream, as the same plain message. */
  damaged(error: unknown): AppError {
    return error instanceof AppError ? error : unreadable(this.what, (error as Error).message);
  }

  close(): void {
    this.zip.close();
  }
}
