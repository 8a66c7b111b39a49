import { scrubSecrets } from './secrets/redact';

/**
 * One log entry as written: secrets blanked out and every control character escaped, so a value
 * (an order number, a vendor's answer) can never start a forged line of its own.
 */
export function logLine(message: string): string {
  return scrubSecrets(message).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** Wraps a log sink so everything written through it is a safe single line. */
export const safeLog = (sink: (line: string) => void) => (message: string) => sink(logLine(message));
