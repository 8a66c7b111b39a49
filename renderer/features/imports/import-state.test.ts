import { describe, expect, it } from 'vitest';
import type { ImportView } from '../../../shared/trax-retail/contract';
import { endNotice, importState } from './import-state';

const ended = (errored: number, total = 8): ImportView => ({
  id: 'i', draftId: 'd', sheetName: 'Spring', fileName: 'spring.csv', format: 'csv', rowCount: total, createdAt: 0, phase: 'ended', uploadSent: 1, uploadTotal: 1,
  importId: 'x', status: 'accepted', reviewStatus: 'imported', parsed: total, total, errored, message: '', fileId: 'f', errorId: errored ? 'e' : null, email: '',
  problem: '', problemDetails: [], mayHaveArrived: false, nextPollAt: null, endedAt: 1, outcome: 'imported',
});

describe('an ended import says what happened, refused rows first', () => {
  it('is partly imported when Trax refused some rows', () => {
    expect(importState(ended(3))).toEqual({ label: 'Partly imported: 3 of 8 rows refused', tone: 'partial' });
    expect(endNotice(ended(3))).toEqual({ text: 'Trax refused 3 of 8 rows of “Spring” and imported the other 5.', tone: 'partial' });
  });
  it('is imported only when no row was refused, and nothing imported when all were', () => {
    expect(importState(ended(0))).toEqual({ label: 'Imported', tone: 'ok' });
    expect(endNotice(ended(0))).toEqual({ text: 'Trax imported “Spring”.', tone: 'ok' });
    expect(importState(ended(8))).toEqual({ label: 'Nothing imported: all 8 rows refused', tone: 'bad' });
  });
});
