import { describe, expect, it } from 'vitest';
import { localeFromEnvironment, localeTagFromPosix } from './workstation-locale';

describe('the workstation locale from the environment', () => {
  it('turns POSIX locale names into BCP 47 tags', () => {
    expect(localeTagFromPosix('de_DE.UTF-8')).toBe('de-DE');
    expect(localeTagFromPosix('fr_FR@euro')).toBe('fr-FR');
    expect(localeTagFromPosix('en_US')).toBe('en-US');
    expect(localeTagFromPosix('C.UTF-8')).toBeNull();
    expect(localeTagFromPosix('POSIX')).toBeNull();
    expect(localeTagFromPosix('')).toBeNull();
    expect(localeTagFromPosix('not a locale!')).toBeNull();
  });

  it('follows LC_ALL, then LC_NUMERIC, then LANG', () => {
    expect(localeFromEnvironment({ LANG: 'de_DE.UTF-8' })).toEqual({ locale: 'de-DE', languages: ['de-DE'] });
    expect(localeFromEnvironment({ LANG: 'en_US.UTF-8', LC_NUMERIC: 'fr_FR.UTF-8' }).locale).toBe('fr-FR');
    expect(localeFromEnvironment({ LANG: 'en_US.UTF-8', LC_NUMERIC: 'fr_FR.UTF-8', LC_ALL: 'de_CH.UTF-8' }).locale).toBe('de-CH');
    expect(localeFromEnvironment({ LANG: 'C.UTF-8', LANGUAGE: 'de_DE:en_GB' })).toEqual({ locale: null, languages: ['de-DE', 'en-GB'] });
  });
});
