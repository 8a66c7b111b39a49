import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../core/app-error';
import { asciiBaseName, uniqueName } from '../../shared/trax-retail/image-names';
import type { LocalImage } from '../../shared/trax-retail/sheet';
import { inspectImage, MIME } from './image-files';

/** A staged file larger than this is refused (a sheet or picture, not a disk image). */
const MAX_STAGED = 200 * 1024 * 1024;
/** Thumbnails are the picture itself, scaled by the screen; above this size none is sent. */
const MAX_PREVIEW = 8 * 1024 * 1024;
const SAFE_ID = /^[A-Za-z0-9-]{1,80}$/;

/**
 * The feature's files under the app's data folder: staged uploads from the screen, copies of the
 * local pictures each draft uses, written sheets and downloads. Ids are generated here and checked
 * on the way in, so no path from the screen ever reaches the disk.
 */
export class FileStore {
  constructor(readonly root: string) {
    for (const d of ['staging', 'images', 'out']) fs.mkdirSync(path.join(root, d), { recursive: true });
  }

  private id(value: string, what: string): string {
    if (!SAFE_ID.test(value)) throw new AppError('invalid-input', `That ${what} is not known.`);
    return value;
  }

  stagedPath(stageId: string): string {
    const p = path.join(this.root, 'staging', this.id(stageId, 'file'));
    if (!fs.existsSync(p)) throw new AppError('not-found', 'The file sent from the screen is no longer here; pick it again.');
    return p;
  }

  /** Appends a piece of a file sent from the screen; a new stage when no id is given. */
  stageChunk(stageId: string | undefined, base64: string): { stageId: string; size: number } {
    const id = stageId ? this.id(stageId, 'file') : crypto.randomUUID();
    const p = path.join(this.root, 'staging', id);
    if (stageId && !fs.existsSync(p)) throw new AppError('not-found', 'The file sent from the screen is no longer here; pick it again.');
    fs.appendFileSync(p, Buffer.from(base64, 'base64'));
    const size = fs.statSync(p).size;
    if (size > MAX_STAGED) {
      fs.rmSync(p, { force: true });
      throw new AppError('invalid-input', `The file is larger than ${MAX_STAGED / 1048576} MB.`);
    }
    return { stageId: id, size };
  }

  private imagePath(draftId: string, imageId: string): string {
    return path.join(this.root, 'images', this.id(draftId, 'sheet'), this.id(imageId, 'picture'));
  }

  /** Keeps a picture for a draft under a base name no other picture of the draft has. */
  addImage(draftId: string, source: { stageId: string } | { bytes: Buffer }, originalName: string, taken: Iterable<string>, name?: string): LocalImage {
    const id = crypto.randomUUID();
    const target = this.imagePath(draftId, id);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if ('stageId' in source) fs.renameSync(this.stagedPath(source.stageId), target);
    else fs.writeFileSync(target, source.bytes);
    const info = inspectImage(target);
    const base = uniqueName(name ?? asciiBaseName(originalName), taken);
    return { id, name: base, originalName: originalName.slice(0, 300), size: info?.size ?? 0, kind: info?.kind ?? null, readable: info !== null };
  }

  /** Where a draft's picture is, with what its bytes say now (missing, unreadable or not a picture). */
  image(draftId: string, image: LocalImage): { path: string; info: ReturnType<typeof inspectImage> } {
    const p = this.imagePath(draftId, image.id);
    return { path: p, info: inspectImage(p) };
  }

  preview(draftId: string, image: LocalImage): string | null {
    const { path: p, info } = this.image(draftId, image);
    if (!info?.kind || info.size > MAX_PREVIEW) return null;
    return `data:${MIME[info.kind]};base64,${fs.readFileSync(p).toString('base64')}`;
  }

  deleteDraft(draftId: string): void {
    fs.rmSync(path.join(this.root, 'images', this.id(draftId, 'sheet')), { recursive: true, force: true });
  }

  /** A new file in the output folder, for a written sheet or a download. */
  outPath(fileName: string): { fileId: string; path: string } {
    const fileId = crypto.randomUUID();
    const dir = path.join(this.root, 'out', fileId);
    fs.mkdirSync(dir, { recursive: true });
    return { fileId, path: path.join(dir, fileName.replace(/[\\/:*?"<>|\0]/g, '_')) };
  }

  outFile(fileId: string): { path: string; fileName: string } {
    const dir = path.join(this.root, 'out', this.id(fileId, 'file'));
    const name = fs.existsSync(dir) ? fs.readdirSync(dir).find((f) => !f.endsWith('.part')) : undefined;
    if (!name) throw new AppError('not-found', 'That file is no longer here; write or download it again.');
    return { path: path.join(dir, name), fileName: name };
  }

  /** A piece of a file for the screen to save: 1 MB at a time. */
  readPiece(fileId: string, offset: number): { base64: string; done: boolean } {
    const { path: p } = this.outFile(fileId);
    const size = fs.statSync(p).size;
    const length = Math.max(0, Math.min(1024 * 1024, size - offset));
    const buf = Buffer.alloc(length);
    const fd = fs.openSync(p, 'r');
    try {
      fs.readSync(fd, buf, 0, length, offset);
    } finally {
      fs.closeSync(fd);
    }
    return { base64: buf.toString('base64'), done: offset + length >= size };
  }
}
