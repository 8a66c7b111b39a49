import { IMAGE_HEADERS } from '../../../shared/trax-retail/columns';

/** The grid's sizes in pixels, for the virtualizer and the sticky columns. */
export interface GridMetrics {
  rowHeight: number;
  headWidth: number;
  /** A column's width before the user sets one. */
  width: (column: string) => number;
}

/**
 * The grid follows the user's text size, as the rest of the app does (its text is 14 of every 16 px of the
 * browser's default): rows, the row number and the usual column widths grow with it.
 */
export function gridMetrics(rootFontPx = parseFloat(getComputedStyle(document.documentElement).fontSize)): GridMetrics {
  const scale = Number.isFinite(rootFontPx) && rootFontPx > 0 ? rootFontPx / 14 : 1;
  const px = (n: number) => Math.round(n * scale);
  return {
    rowHeight: px(34),
    headWidth: px(52),
    width: (column) => px(IMAGE_HEADERS.includes(column) ? 190 : column.length > 18 ? 170 : 130),
  };
}
