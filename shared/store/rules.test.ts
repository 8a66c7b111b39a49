import { describe, expect, it } from 'vitest';
import { counterOf, formatServerAddress, generatePairingCode, normalizePairingCode, pairingRoleName, parseServerAddress, storeOrderNumber, workstationPrefix } from './rules';

describe('pairing codes', () => {
  it('are twelve characters of the unambiguous alphabet in groups of four', () => {
    let i = 0;
    const code = generatePairingCode((n) => i++ % n);
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  });
  it('are read back however they are typed', () => {
    expect(normalizePairingCode(' k7qx 2m9p-fa3c ')).toBe('K7QX-2M9P-FA3C');
    expect(normalizePairingCode('K7QX2M9PFA3C')).toBe('K7QX-2M9P-FA3C');
    expect(normalizePairingCode('llll-llll-llll')).toBe('LLLL-LLLL-LLLL');
  });
  it('refuse what cannot be a code', () => {
    expect(normalizePairingCode('K7QX-2M9P')).toBeNull();
    expect(normalizePairingCode('K7QX-2M9P-FA30')).toBeNull();
    expect(normalizePairingCode('K7QX-2M9P-FA3!')).toBeNull();
  });
  it('name a role without its secret part', () => {
    expect(pairingRoleName('K7QX-2M9P-FA3C')).toBe('backoffice_pair_k7qx');
  });
});

describe('server addresses', () => {
  it.each([
    ['192.168.1.20', { host: '192.168.1.20', port: 5432 }],
    ['backoffice.local:5433', { host: 'backoffice.local', port: 5433 }],
    ['[fe80::1]:6000', { host: 'fe80::1', port: 6000 }],
    ['fe80::1', { host: 'fe80::1', port: 5432 }],
    [' db.example.com ', { host: 'db.example.com', port: 5432 }],
  ])('reads %s', (text, want) => expect(parseServerAddress(text)).toEqual(want));
  it.each(['', 'postgres://x', 'host:99999', 'host:abc', 'a b', '-x'])('refuses “%s” in plain words', (text) => {
    expect(parseServerAddress(text)).toHaveProperty('problem');
  });
  it('writes an address back as it is typed', () => {
    expect(formatServerAddress({ host: 'fe80::1', port: 6000 })).toBe('[fe80::1]:6000');
    expect(formatServerAddress({ host: 'db', port: 5432 })).toBe('db');
  });
});

describe('order numbers', () => {
  it('join the prefix and the counter', () => {
    expect(storeOrderNumber(workstationPrefix(3), 123)).toBe('S-03-000123');
    expect(storeOrderNumber(workstationPrefix(120), 1_234_567)).toBe('S-120-1234567');
  });
  it('give back the counter of this workstation’s numbers only', () => {
    expect(counterOf('S-03-000123', '03')).toBe(123);
    expect(counterOf('S-04-000123', '03')).toBeNull();
    expect(counterOf('S260314K7QX2', '03')).toBeNull();
  });
});
