/** "just now", "4 minutes ago", "3 hours ago", or the date: when a workstation was last heard from. */
export function lastSeenText(at: number | null, now: number): string {
  if (at === null) return 'not yet';
  const s = Math.max(0, Math.round((now - at) / 1000));
  if (s < 60) return 'just now';
  const m = Math.round(s / 60);
  if (m < 60) return `${m} minute${m === 1 ? '' : 's'} ago`;
  const h = Math.round(m / 60);
  if (h < 24) return `${h} hour${h === 1 ? '' : 's'} ago`;
  return new Date(at).toLocaleString();
}

export const serverStateLabel = { connected: 'connected', connecting: 'connecting', away: 'away', refused: 'refused' } as const;
