import { drawPng, hsl, pictureMemo, type Rgb } from '../training/png';

const memo = pictureMemo(500);

/**
 * A small drawn picture per image name, as a vendor's photo would come (a raster image): a truck
 * part's silhouette on a card whose colours follow the name, so each one differs.
 */
export function drawPartImage(name: string): Buffer {
  return memo(name, () => {
    let h = 7;
    for (const c of name) h = (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0;
    const hue = h % 360;
    const card = hsl(hue, 0.4, 0.8);
    const body = hsl((hue + 160) % 360, 0.35, 0.4);
    const wheel: Rgb = [51, 51, 51];
    const inWheel = (x: number, y: number, cx: number) => (x - cx) ** 2 + (y - 125) ** 2 <= 400;
    return drawPng(240, 180, (x, y) => (inWheel(x, y, 80) || inWheel(x, y, 160) ? wheel : x >= 45 && x < 195 && y >= 45 && y < 120 ? body : card));
  });
}
