import type { AppErrorShape, ErrorCode } from '../../shared/result';
import { secretRedactor } from './secrets/redact';

/** An error meant for the person using the app: its message is shown as is, with any secret blanked out. */
export class AppError extends Error {
  readonly details?: string[];

  constructor(
    readonly code: ErrorCode,
    message: string,
    details?: string[],
  ) {
    super(secretRedactor.scrub(message));
    this.name = 'AppError';
    this.details = secretRedactor.scrubDeep(details);
  }

  toShape(): AppErrorShape {
    return this.details && this.details.length > 0
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message };
  }
}
