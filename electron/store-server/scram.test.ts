import { expect, it } from 'vitest';
import { newPassword, scramVerifier } from './scram';

it('computes the SCRAM-SHA-256 secret of RFC 7677’s example', () => {
  // RFC 7677 §3: user "user", password "pencil", salt W22ZaJ0SNY7soEsUEjb6gQ==, 4096 iterations.
  const v = scramVerifier('pencil', Buffer.from('W22ZaJ0SNY7soEsUEjb6gQ==', 'base64'));
  expect(v).toBe('SCRAM-SHA-256$4096:W22ZaJ0SNY7soEsUEjb6gQ==$WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=:wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU=');
});

it('makes long passwords of letters and digits', () => {
  const p = newPassword();
  expect(p).toMatch(/^[A-Za-z0-9]{43}$/);
  expect(newPassword()).not.toBe(p);
});
