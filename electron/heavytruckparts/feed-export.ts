import { currentFormats } from '../../shared/locale/current';
import fs from 'node:fs';
import path from 'node:path';
import { isObj, listOf, pick } from '../../shared/heavytruckparts/fields';
import type { FeedStatus } from '../../shared/heavytruckparts/records';
import { AppError } from '../core/app-error';
import type { HtpClient } from './client';
import { writeCsv, writeXlsx } from './feed-file';

/** The document asks for a long time-out: collating the feed can take a while. */
export const FEED_TIMEOUT_MS = 120_000;

const idle: FeedStatus = { state: 'idle', format: null, startedAt: null, received: 0, written: 0, fileName: null, filePath: null, message: null };
const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');

/** The advertising feed to a CSV or Excel file in the exports folder, one export at a time, with progress. */
export class FeedExport {
  private status: FeedStatus = idle;

  constructor(
    private readonly client: HtpClient,
    private readonly dir: string,
    private readonly now: () => number,
    private readonly log: (m: string) => void,
  ) {}

  current(): FeedStatus {
    return this.status;
  }

  start(format: 'csv' | 'xlsx'): FeedStatus {
    if (this.status.state === 'requesting' || this.status.state === 'writing') throw new AppError('conflict', 'A feed export is already running.');
    this.status = { ...idle, state: 'requesting', format, startedAt: this.now(), message: 'Waiting for HeavyTruckParts to collate the feed (this can take up to two minutes).' };
    void this.run(format).catch((error: unknown) => {
      if (!(error instanceof AppError)) this.log(`feed export failed: ${error instanceof Error ? error.stack : String(error)}`);
      this.status = { ...this.status, state: 'failed', message: error instanceof Error ? error.message : String(error) };
    });
    return this.status;
  }

  private async run(format: 'csv' | 'xlsx'): Promise<void> {
    const conn = await this.client.connection();
    const body = await this.client.call(conn, '/inventory/feed', {}, { timeoutMs: FEED_TIMEOUT_MS, retries: 0 });
    const holder = isObj(body) ? pick(body, ['results', 'items']) : body;
    const items = listOf(holder).filter(isObj);
    fs.mkdirSync(this.dir, { recursive: true });
    const fileName = `heavytruckparts-feed-${stamp(this.now())}.${format}`;
    const filePath = path.join(this.dir, fileName);
    this.status = { ...this.status, state: 'writing', received: items.length, fileName, filePath, message: `Writing ${currentFormats().count(items.length, 'item', 'items')}.` };
    const progress = (written: number) => (this.status = { ...this.status, written });
    if (format === 'csv') await writeCsv(filePath, items, progress);
    else await writeXlsx(filePath, items, progress);
    this.status = { ...this.status, state: 'done', written: items.length, message: `${currentFormats().count(items.length, 'item', 'items')} written to ${fileName}.` };
  }

  file(): { fileName: string; mime: string; base64: string } {
    const s = this.status;
    if (s.state !== 'done' || !s.filePath || !s.fileName) throw new AppError('conflict', 'Export the feed first.');
    const mime = s.format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    return { fileName: s.fileName, mime, base64: fs.readFileSync(s.filePath).toString('base64') };
  }
}
