import { isCentsCurrency } from '../../../shared/locale/formats';

/** Number and date formats a store may choose over its workstations' own; empty follows each workstation. */
export const localeChoices = ['en-US', 'en-CA', 'fr-CA', 'es-US', 'es-MX', 'en-GB', 'en-AU', 'de-DE', 'de-AT', 'de-CH', 'fr-FR', 'it-IT', 'es-ES', 'nl-NL'];

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
const currencyNames = new Intl.DisplayNames(['en'], { type: 'currency' });

export const localeLabel = (tag: string) => `${languageNames.of(tag) ?? tag} (${tag})`;

/** Every currency Intl knows that has cents, by name: the app keeps amounts in cents. */
export function currencyChoices(): { code: string; label: string }[] {
  return Intl.supportedValuesOf('currency')
    .filter(isCentsCurrency)
    .map((code) => ({ code, label: `${currencyNames.of(code) ?? code} (${code})` }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
