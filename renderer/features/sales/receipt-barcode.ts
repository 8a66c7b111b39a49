import { code128, drawingSVG } from 'bwip-js/generic';

/** A Code 128 barcode as bars, for the printed receipt (an SVG picture) and the PDF (rectangles). */
export interface Barcode {
  svg: string;
  /** Bars in the picture's own units: left edge and width, full height. */
  bars: { x: number; width: number }[];
  width: number;
  height: number;
}

/**
 * The order number as Code 128 (bwip-js picks the code set; any text of printable ASCII works, whatever the order
 * number's format). The picture carries no human-readable line: the receipt prints the number in its own font.
 */
export function orderBarcode(text: string): Barcode {
  const svg = code128({ bcid: 'code128', text, height: 10, scale: 2, includetext: false, paddingwidth: 10, paddingheight: 0 }, drawingSVG());
  const box = /viewBox="0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)"/.exec(svg);
  const bars: Barcode['bars'] = [];
  // bwip-js draws each bar as a vertical line of some stroke width: "M x y1 L x y2", grouped by width.
  for (const path of svg.matchAll(/stroke-width="(\d+(?:\.\d+)?)" d="([^"]+)"/g)) {
    const width = Number(path[1]);
    for (const m of path[2].matchAll(/M(\d+(?:\.\d+)?) /g)) bars.push({ x: Number(m[1]) - width / 2, width });
  }
  bars.sort((a, b) => a.x - b.x);
  return { svg, bars, width: Number(box?.[1] ?? 0), height: Number(box?.[2] ?? 0) };
}

/** The picture as a data: address, which the window's Content-Security-Policy allows for images. */
export const barcodeDataUri = (b: Barcode) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(b.svg)}`;
