/** Where an import stands, read from the vendor's `status` and `reviewStatus` in any letter case. */
export interface StatusReading {
  ended: boolean;
  outcome: 'imported' | 'failed' | null;
  /** The status values the document lists; anything else is shown as it came. */
  known: boolean;
}

const STATUS = ['queued', 'validating', 'accepted', 'failed', 'imported'];
const REVIEW = ['pending', 'imported'];

/**
 * `failed` ends an import; `imported` ends it whether it comes in `reviewStatus` (the list) or in
 * `status` (the document's own sample). Everything else, known or not, keeps it being followed.
 */
export function readStatus(status: string | null, reviewStatus: string | null): StatusReading {
  const s = (status ?? '').trim().toLowerCase();
  const r = (reviewStatus ?? '').trim().toLowerCase();
  const known = (s === '' || STATUS.includes(s)) && (r === '' || REVIEW.includes(r));
  if (s === 'failed') return { ended: true, outcome: 'failed', known };
  if (s === 'imported' || r === 'imported') return { ended: true, outcome: 'imported', known };
  return { ended: false, outcome: null, known };
}
