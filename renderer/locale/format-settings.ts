import type { StoreProfile, WorkstationLocale } from '../../shared/contract/store-profile';
import { DEFAULT_CURRENCY, DEFAULT_LOCALE, isLocaleTag, type FormatSettings } from '../../shared/locale/formats';

/**
 * Which locale and currency the app writes in: the store's choice of format if it made one, else the workstation's
 * locale as its system says, else the browser's languages (only where the system says nothing), else en-US.
 */
export function formatSettings(profile: StoreProfile | undefined, workstation: WorkstationLocale | undefined, browser: readonly string[]): FormatSettings {
  const candidates = [profile?.locale, workstation?.locale, ...(workstation?.languages ?? []), ...browser, DEFAULT_LOCALE];
  const locale = candidates.find((c): c is string => !!c && isLocaleTag(c)) ?? DEFAULT_LOCALE;
  return { locale, currency: profile?.currency || DEFAULT_CURRENCY };
}
