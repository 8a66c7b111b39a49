/** How a locale writes numbers, read from the platform's own locale data rather than a table of ours. */
export interface NumberMarks {
  locale: string;
  /** "." in en-US, "," in de-DE and fr-FR. */
  decimal: string;
  /** "," in en-US, "." in de-DE, a narrow no-break space in fr-FR; "" where the locale does not group. */
  group: string;
  /** Digits in the group next to the decimal mark (3), and in the groups before it (3; 2 in en-IN). */
  primaryGroup: number;
  secondaryGroup: number;
  /** The locale's own digits 0–9 ("٠"…"٩" in ar-EG); ASCII digits are always read as well. */
  digits: string[];
}

const cache = new Map<string, NumberMarks>();

/** The decimal and group marks of a locale, from Intl.NumberFormat's formatToParts. */
export function numberMarks(locale: string): NumberMarks {
  const known = cache.get(locale);
  if (known) return known;
  const nf = new Intl.NumberFormat(locale, { useGrouping: 'always', minimumFractionDigits: 1 });
  const parts = nf.formatToParts(1234567890.5);
  const integers = parts.filter((p) => p.type === 'integer').map((p) => p.value.length);
  const marks: NumberMarks = {
    locale: nf.resolvedOptions().locale,
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    group: parts.find((p) => p.type === 'group')?.value ?? '',
    primaryGroup: integers.length > 1 ? integers[integers.length - 1] : 3,
    secondaryGroup: integers.length > 2 ? integers[integers.length - 2] : (integers.at(-1) ?? 3),
    digits: [...'0123456789'].map((d) => new Intl.NumberFormat(locale, { useGrouping: false }).format(Number(d))),
  };
  cache.set(locale, marks);
  return marks;
}

/** Spaces a person may type for a locale that groups with a (narrow) no-break space. */
export const SPACES = [' ', '\u00a0', '\u202f', '\u2009'];
/** Apostrophes a person may type for a locale that groups with one (de-CH). */
export const APOSTROPHES = ["'", '\u2019'];

/** The characters that may stand for the locale's group mark when typed. */
export function groupVariants(marks: NumberMarks): string[] {
  if (SPACES.includes(marks.group)) return SPACES;
  if (APOSTROPHES.includes(marks.group)) return APOSTROPHES;
  return marks.group ? [marks.group] : [];
}
