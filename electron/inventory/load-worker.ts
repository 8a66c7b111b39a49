/**
 * The copy's worker thread (started by copy-load.ts, one per job): the writer of the copy, with its
 * own connection to the store's file (copy-writer.ts), or the reader of a load's answers that the
 * writer starts beside it (answer-reader.ts). The main thread only hands bytes over and commits the result.
 */
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { readAnswers } from './answer-reader';
import { writeCopy, type WriterData } from './copy-writer';

// The copy is background work: where a thread's priority is its own (Linux), this one gives way to
// the app's main thread, which answers the screen.
if (process.platform === 'linux') {
  try {
    os.setPriority(0, os.constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // Not allowed here: the worker runs at the app's priority.
  }
}

const data = workerData as WriterData | { role: 'reader' };
if ('role' in data) readAnswers(parentPort!);
else writeCopy(parentPort!, data);
