import { expect, it } from 'vitest';
import { lastSeenText } from './format';

it('says when a workstation was last heard from in plain words', () => {
  const now = Date.UTC(2026, 2, 14, 12, 0, 0);
  expect(lastSeenText(null, now)).toBe('not yet');
  expect(lastSeenText(now - 20_000, now)).toBe('just now');
  expect(lastSeenText(now - 60_000, now)).toBe('1 minute ago');
  expect(lastSeenText(now - 11 * 60_000, now)).toBe('11 minutes ago');
  expect(lastSeenText(now - 3 * 3600_000, now)).toBe('3 hours ago');
  expect(lastSeenText(now - 3 * 86_400_000, now)).toBe(new Date(now - 3 * 86_400_000).toLocaleString());
});
