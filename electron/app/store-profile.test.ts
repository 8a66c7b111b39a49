import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultStoreProfile } from '../../shared/contract/store-profile';
import { currentFormats, setCurrentFormats } from '../../shared/locale/current';
import { formats } from '../../shared/locale/formats';
import { SettingsRepo } from '../core/store/settings-repo';
import { StoreProfileService } from './store-profile';

function settings() {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
  return new SettingsRepo(db as never);
}

describe('the store profile', () => {
  afterEach(() => setCurrentFormats(formats({ locale: 'en-US', currency: 'USD' })));

  it('is not saved until the store saves it, and keeps a name typed in an earlier version', () => {
    const repo = settings();
    repo.set('sales.counter', { storeName: 'Second Chance', taxRate: '8.25', taxableByDefault: true });
    const service = new StoreProfileService(repo, () => ({ locale: 'en-US', languages: [] }));
    expect(service.get()).toEqual({ profile: { ...defaultStoreProfile, name: 'Second Chance' }, saved: false });
    const saved = service.update({ ...defaultStoreProfile, name: 'Second Chance Boutique', currency: 'EUR' });
    expect(saved).toEqual({ profile: { ...defaultStoreProfile, name: 'Second Chance Boutique', currency: 'EUR' }, saved: true });
  });

  it('writes the main process’s messages in the store’s currency and the workstation’s locale', () => {
    const repo = settings();
    const service = new StoreProfileService(repo, () => ({ locale: 'de-DE', languages: ['de-DE'] }));
    expect(currentFormats().money(1250)).toBe('12,50\u00a0$');
    service.update({ ...defaultStoreProfile, currency: 'EUR', locale: 'fr-FR' });
    expect(currentFormats().money(1250)).toBe('12,50\u00a0€');
  });
});
