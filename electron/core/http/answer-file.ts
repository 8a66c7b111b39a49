import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A file for an answer's bytes, readable by this user only, gone once closed (at once where the
 * system allows removing an open file, so nothing is left behind even if the app stops).
 */
export function answerFile(): { fd: number; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'answer-'));
  const fd = fs.openSync(path.join(dir, 'body.json'), 'w+', 0o600);
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    remove();
  } catch {
    // Windows keeps an open file: it is removed when closed.
  }
  return {
    fd,
    remove: () => {
      fs.closeSync(fd);
      remove();
    },
  };
}
