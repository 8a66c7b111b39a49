import { currentFormats } from '../../../shared/locale/current';
import type { ImportView } from '../../../shared/trax-retail/contract';

export type Tone = 'ok' | 'bad' | 'busy' | 'partial';

const rows = (n: number) => currentFormats().count(n, 'row', 'rows');

/**
 * Where an upload stands, in a word or two for the list, refused rows first: an import Trax ended
 * with rows in its error file is partly imported, not "Imported".
 */
export function importState(i: ImportView): { label: string; tone: Tone } {
  if (i.phase === 'uploading') return { label: 'Uploading', tone: 'busy' };
  if (i.phase === 'upload-failed') return { label: 'Upload failed', tone: 'bad' };
  if (i.outcome === 'failed') return { label: 'Failed', tone: 'bad' };
  if (i.outcome === 'imported') {
    const refused = i.errored ?? 0;
    const total = i.total ?? i.rowCount;
    if (refused > 0 && refused >= total) return { label: `Nothing imported: all ${rows(total)} refused`, tone: 'bad' };
    if (refused > 0) return { label: `Partly imported: ${refused} of ${rows(total)} refused`, tone: 'partial' };
    return { label: 'Imported', tone: 'ok' };
  }
  return { label: 'In progress', tone: 'busy' };
}

/** The notice when an upload ends, on any screen: what happened to it, the refused rows first. */
export function endNotice(i: ImportView): { text: string; tone: Tone } {
  const sheet = `“${i.sheetName}”`;
  if (i.phase === 'upload-failed') return { text: `The upload of ${sheet} failed.`, tone: 'bad' };
  if (i.outcome === 'imported') {
    const refused = i.errored ?? 0;
    const total = i.total ?? i.rowCount;
    if (refused >= total && refused > 0) return { text: `Trax refused all ${rows(total)} of ${sheet}.`, tone: 'bad' };
    if (refused > 0) return { text: `Trax refused ${refused} of ${rows(total)} of ${sheet} and imported the other ${total - refused}.`, tone: 'partial' };
    return { text: `Trax imported ${sheet}.`, tone: 'ok' };
  }
  return { text: `Trax could not process ${sheet}${i.message ? `: ${i.message}` : '.'}`, tone: 'bad' };
}
