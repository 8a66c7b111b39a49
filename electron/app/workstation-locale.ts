import { isLocaleTag } from '../../shared/locale/formats';
import type { WorkstationLocale } from '../../shared/contract/store-profile';

/** "de_DE.UTF-8" or "fr_FR@euro" → "de-DE" / "fr-FR"; null for "C", "POSIX" or anything Intl does not know. */
export function localeTagFromPosix(value: string | undefined): string | null {
  if (!value) return null;
  const base = value.split(/[.@]/)[0];
  if (!base || base === 'C' || base === 'POSIX') return null;
  const tag = base.replace(/_/g, '-');
  return isLocaleTag(tag) ? Intl.getCanonicalLocales(tag)[0] : null;
}

/**
 * The workstation's locale as a process sees it where there is no Electron to ask: the POSIX variables in the
 * order the C library honours them for numbers (LC_ALL, then LC_NUMERIC, then LANG), and LANGUAGE for the languages.
 */
export function localeFromEnvironment(env: Record<string, string | undefined>): WorkstationLocale {
  const locale = localeTagFromPosix(env.LC_ALL) ?? localeTagFromPosix(env.LC_NUMERIC) ?? localeTagFromPosix(env.LANG);
  const languages = (env.LANGUAGE ?? '')
    .split(':')
    .map((l) => localeTagFromPosix(l))
    .filter((l): l is string => l !== null);
  return { locale, languages: languages.length > 0 ? languages : locale ? [locale] : [] };
}
