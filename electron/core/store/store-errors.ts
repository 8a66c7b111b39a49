import { AppError } from '../app-error';

/** SQLite's and the file system's codes for "cannot write here", in words a person can act on. */
export function storeWriteProblem(error: unknown): string | null {
  const code = String((error as { code?: unknown })?.code ?? '');
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return 'The disk is full, so the change was not saved. Free some space on the disk that holds the app’s data, then try again.';
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') {
    return 'The app’s data file is read-only (the disk or folder does not allow writing), so the change was not saved. Make it writable and start the app again.';
  }
  if (code === 'SQLITE_IOERR' || code.startsWith('SQLITE_IOERR_') || code === 'EIO') {
    return 'The disk reported an error while saving, so the change was not saved. Check the disk, then try again.';
  }
  if (code.startsWith('SQLITE_BUSY')) {
    return 'The app’s data file stayed busy (a large change to the inventory copy was being written), so the change was not saved. Try again in a moment.';
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return 'The app’s data file is damaged, so nothing more is written to it. Close the app, restore the file from a backup or move it aside, and start again.';
  }
  return null;
}

/** The same, as the error a bridge call answers with. */
export function storeFailure(error: unknown): AppError | null {
  const message = storeWriteProblem(error);
  return message ? new AppError('store-unavailable', message) : null;
}
