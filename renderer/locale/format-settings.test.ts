import { describe, expect, it } from 'vitest';
import { defaultStoreProfile } from '../../shared/contract/store-profile';
import { formatSettings } from './format-settings';

describe('the locale the app writes in', () => {
  const ws = { locale: 'de-DE', languages: ['de-DE'] };
  it('is the store’s choice, else the workstation’s, else the browser’s, else en-US', () => {
    expect(formatSettings({ ...defaultStoreProfile, locale: 'fr-FR', currency: 'EUR' }, ws, ['en-GB'])).toEqual({ locale: 'fr-FR', currency: 'EUR' });
    expect(formatSettings(defaultStoreProfile, ws, ['en-GB'])).toEqual({ locale: 'de-DE', currency: 'USD' });
    expect(formatSettings(defaultStoreProfile, { locale: null, languages: [] }, ['en-GB'])).toEqual({ locale: 'en-GB', currency: 'USD' });
    expect(formatSettings(undefined, undefined, [])).toEqual({ locale: 'en-US', currency: 'USD' });
  });
});
