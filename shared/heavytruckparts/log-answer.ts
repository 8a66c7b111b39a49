import { boolOf, isObj, pick, textOf } from './fields';

/** What HeavyTruckParts said to a log request, in words; `refused` when it said it did not log it. */
export interface LogAnswerWords {
  words: string;
  refused: boolean;
}

const MAX_WORDS = 300;
const clip = (s: string) => (s.length > MAX_WORDS ? `${s.slice(0, MAX_WORDS)}…` : s);

/**
 * The log answers are not described in the document, so their usual parts are read loosely: a
 * success flag, a number for the log, a message. The clerk reads "Logged, number 12" (and the
 * vendor's message); the raw answer stays in the details.
 */
export function logAnswerWords(answer: unknown): LogAnswerWords {
  if (answer === null || answer === undefined || answer === '') return { words: 'Logged (HeavyTruckParts sent no details).', refused: false };
  if (typeof answer === 'string') return { words: `HeavyTruckParts answered “${clip(answer.trim())}”.`, refused: false };
  if (!isObj(answer)) return { words: 'Logged.', refused: false };
  const success = boolOf(pick(answer, ['success', 'ok', 'logged', 'result']));
  const error = textOf(pick(answer, ['error', 'errors', 'error_message']));
  const message = textOf(pick(answer, ['message', 'msg', 'description', 'status_message', 'detail']));
  if (success === false || (error !== null && success !== true)) {
    return { words: `HeavyTruckParts did not log it: ${clip(error ?? message ?? 'it gave no reason')}`, refused: true };
  }
  const id = textOf(pick(answer, ['log_id', 'logid', 'id', 'interaction_id', 'request_id', 'log_number']));
  const head = id ? `Logged, number ${id}` : 'Logged';
  return { words: message ? `${head}: ${clip(message)}` : `${head}.`, refused: false };
}
