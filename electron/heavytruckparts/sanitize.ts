import type sanitizeHtml from 'sanitize-html';

/** A description made safe to show, and the pictures in it (which the app fetches for the window). */
export interface SafeDescription {
  html: string;
  pictures: string[];
}

const size = (v: string | undefined) => (v === undefined ? null : Number.parseFloat(v));

/** A picture no one is meant to see: a tracking pixel (a pixel or two across, or hidden). */
function isTracker(a: Record<string, string>): boolean {
  const [w, h] = [size(a.width), size(a.height)];
  return (w !== null && w <= 2) || (h !== null && h <= 2) || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(a.style ?? '');
}

/** An absolute web address, or null. */
function webAddress(raw: string | undefined): string | null {
  try {
    const u = new URL(raw ?? '');
    return (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * A vendor's HTML description made safe to show: text formatting, lists, tables and links only;
 * no script, style, frames, forms or event handlers. Links open outside the app (a new browser
 * tab or the system browser, never in place of the app). Pictures are not loaded by the window:
 * each keeps its address in `data-picture` for the app to fetch like every other vendor picture,
 * with a text alternative; tracking pixels are dropped. Vendor headings become the item's sub-headings.
 */
function sanitizeWith(sanitize: typeof sanitizeHtml, html: string): SafeDescription {
  const pictures: string[] = [];
  const out = sanitize(html, {
    allowedTags: ['p', 'br', 'b', 'strong', 'i', 'em', 'u', 'ul', 'ol', 'li', 'h3', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'span', 'div', 'a', 'img', 'hr', 'small', 'sup', 'sub'],
    allowedAttributes: { a: ['href', 'title', 'target', 'rel'], img: ['data-picture', 'alt', 'width', 'height'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
    allowedSchemes: ['https', 'http', 'mailto'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    transformTags: {
      ...Object.fromEntries(['h1', 'h2', 'h4', 'h5', 'h6'].map((h) => [h, 'h3'])),
      a: (_tag, attribs) => ({ tagName: 'a', attribs: { ...attribs, target: '_blank', rel: 'noopener noreferrer' } }),
      img: (_tag, attribs) => {
        const url = isTracker(attribs) ? null : webAddress(attribs.src);
        if (url) pictures.push(url);
        const kept: Record<string, string> = { 'data-picture': url ?? '', alt: (attribs.alt ?? '').trim() || 'Picture in the vendor’s description' };
        for (const d of ['width', 'height'] as const) if (size(attribs[d]) !== null && size(attribs[d])! > 0) kept[d] = String(Math.min(2000, Math.round(size(attribs[d])!)));
        return { tagName: 'img', attribs: kept };
      },
    },
    // Pictures without a usable address, and tracking pixels, are left out altogether.
    exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs['data-picture'],
  });
  return { html: out, pictures: [...new Set(pictures)] };
}

/**
 * The sanitizer, loaded the first time a description is shown: the HTML parser behind it is not
 * part of the app's start.
 */
export async function descriptionSanitizer(): Promise<(html: string) => SafeDescription> {
  const { default: sanitize } = await import('sanitize-html');
  return (html) => sanitizeWith(sanitize, html);
}
