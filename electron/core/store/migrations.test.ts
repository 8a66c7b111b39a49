import { describe, expect, it } from 'vitest';
import { allMigrations } from '../../app/features';
import type { Migration } from './database';
import { assembleMigrations } from './migrations';

const m = (version: number): Migration => ({ version, name: `v${version}`, up: () => {} });

describe('store versions handed in by the features', () => {
  it('are assembled in ascending order after the core’s', () => {
    const all = assembleMigrations([m(1), m(2)], [{ name: 'B', versions: [30, 39], migrations: [m(31), m(30)] }, { name: 'A', versions: [20, 29], migrations: [m(20)] }]);
    expect(all.map((x) => x.version)).toEqual([1, 2, 20, 30, 31]);
  });

  it('refuse a migration outside the range its feature owns, or from a feature that owns none', () => {
    expect(() => assembleMigrations([], [{ name: 'Parts', versions: [40, 49], migrations: [m(50)] }])).toThrow('Parts: store version 50 is outside the versions it owns');
    expect(() => assembleMigrations([], [{ name: 'IFPOS', versions: null, migrations: [m(12)] }])).toThrow('IFPOS: store version 12 is outside');
  });

  it('refuse two features claiming the same versions, and a feature claiming the core’s', () => {
    expect(() => assembleMigrations([], [{ name: 'A', versions: [20, 29], migrations: [] }, { name: 'B', versions: [25, 34], migrations: [] }])).toThrow('A and B claim the same store versions');
    expect(() => assembleMigrations([], [{ name: 'A', versions: [5, 12], migrations: [] }])).toThrow('versions below 10 belong to the core store');
  });

  it('hold together for the app’s own features, each version once', () => {
    const versions = allMigrations.map((x) => x.version);
    expect(new Set(versions).size).toBe(versions.length);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
  });
});
