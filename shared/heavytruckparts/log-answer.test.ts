import { describe, expect, it } from 'vitest';
import { logAnswerWords } from './log-answer';

describe('a log answer in words', () => {
  it.each([
    [{ success: true, log_id: 1, message: 'Logged; the vendor was e-mailed.' }, 'Logged, number 1: Logged; the vendor was e-mailed.', false],
    [{ success: 'true', id: '88' }, 'Logged, number 88.', false],
    [{ LogID: 7 }, 'Logged, number 7.', false],
    [{ status: 'ok' }, 'Logged.', false],
    [{ success: false, message: 'Unknown vendor store.' }, 'HeavyTruckParts did not log it: Unknown vendor store.', true],
    [{ error: 'contact is required' }, 'HeavyTruckParts did not log it: contact is required', true],
    ['OK', 'HeavyTruckParts answered “OK”.', false],
    [null, 'Logged (HeavyTruckParts sent no details).', false],
    [[1, 2], 'Logged.', false],
  ])('%j → %s', (answer, words, refused) => {
    expect(logAnswerWords(answer)).toEqual({ words, refused });
  });
});
