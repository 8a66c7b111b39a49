import { transliterate } from 'transliteration';

/**
 * A flat ASCII base name for a picked file: extension dropped, other scripts transliterated
 * ("Шоколад" → "Shokolad", "日本" → "Ri_Ben"), accents folded, anything left made "_". The
 * original name is kept beside it (`LocalImage.originalName`).
 */
export function asciiBaseName(fileName: string): string {
  const leaf = fileName.split(/[\\/]/).pop() ?? '';
  const dot = leaf.lastIndexOf('.');
  const stem = dot > 0 ? leaf.slice(0, dot) : leaf;
  const ascii = transliterate(stem.normalize('NFC'), { unknown: ' ' })
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._-]+/, '')
    .replace(/_+/g, '_')
    .slice(0, 80)
    .replace(/[._-]+$/, '');
  return ascii || 'image';
}

/** `base`, or `base_2`, `base_3`… whichever is not taken yet (case-insensitively: ZIPs meet case-blind disks). */
export function uniqueName(base: string, taken: Iterable<string>): string {
  const lower = new Set([...taken].map((t) => t.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}_${n}`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}
