import { describe, expect, it } from 'vitest';
import { orderBarcode } from './receipt-barcode';

/** Code 128's symbols as bar and space widths (ISO/IEC 15417), to read the bars back independently of the encoder. */
const PATTERNS =
  '212222 222122 222221 121223 121322 131222 122213 122312 132212 221213 221312 231212 112232 122132 122231 113222 123122 123221 223211 221132 221231 213212 223112 312131 311222 321122 321221 312212 322112 322211 212123 212321 232121 111323 131123 131321 112313 132113 132311 211313 231113 231311 112133 112331 132131 113123 113321 133121 313121 211331 231131 213113 213311 213131 311123 311321 331121 312113 312311 332111 314111 221411 431111 111224 111422 121124 121421 141122 141221 112214 112412 122114 122411 142112 142211 241211 221114 413111 241112 134111 111242 121142 121241 114212 124112 124211 411212 421112 421211 212141 214121 412121 111143 111341 131141 114113 114311 411113 411311 113141 114131 311141 411131 211412 211214 211232 2331112'.split(
    ' ',
  );

/** Reads Code 128 bars (each {x, width} in module units of 2) back into text, checking the checksum. */
function decode(bars: { x: number; width: number }[], module: number): string {
  const runs: number[] = [];
  bars.forEach((b, i) => {
    runs.push(Math.round(b.width / module));
    if (i < bars.length - 1) runs.push(Math.round((bars[i + 1].x - (b.x + b.width)) / module));
  });
  const symbols: number[] = [];
  for (let i = 0; i < runs.length; i += 6) {
    const key = runs.slice(i, i + (runs.length - i === 7 ? 7 : 6)).join('');
    const value = PATTERNS.indexOf(key);
    if (value < 0) throw new Error(`not a Code 128 symbol: ${key}`);
    symbols.push(value);
    if (value === 106) break;
  }
  const [start, ...rest] = symbols;
  const data = rest.slice(0, -2);
  const check = rest[rest.length - 2];
  expect((start + data.reduce((sum, v, i) => sum + v * (i + 1), 0)) % 103).toBe(check);
  let set = start === 103 ? 'A' : start === 104 ? 'B' : 'C';
  let text = '';
  for (const v of data) {
    if (v === 99) set = 'C';
    else if (v === 100) set = 'B';
    else if (v === 101) set = 'A';
    else if (set === 'C') text += String(v).padStart(2, '0');
    else text += String.fromCharCode(v + 32);
  }
  return text;
}

describe('the receipt’s barcode', () => {
  it.each(['S261205GJDJ3', 'S-03-000123', 'WEB20417', '000123', 'a-b_c/9'])('carries %s as Code 128', (order) => {
    const b = orderBarcode(order);
    expect(b.svg).toContain('<svg');
    expect(decode(b.bars, 2)).toBe(order);
    expect(b.width).toBeGreaterThan(0);
  });
});
