const esc = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A small drawn picture per image name: a coloured card with the part's id, so each one differs. */
export function drawPartImage(name: string): string {
  let h = 7;
  for (const c of name) h = (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0;
  const hue = h % 360;
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="480" height="360" viewBox="0 0 480 360">',
    `<rect width="100%" height="100%" fill="hsl(${hue},40%,80%)"/>`,
    `<rect x="90" y="90" width="300" height="150" rx="24" fill="hsl(${(hue + 160) % 360},35%,40%)"/>`,
    `<circle cx="160" cy="250" r="40" fill="#333"/><circle cx="320" cy="250" r="40" fill="#333"/>`,
    `<text x="50%" y="330" font-family="sans-serif" font-size="32" text-anchor="middle" fill="#1d2330">${esc(name.replace(/\.svg$/, ''))}</text>`,
    '</svg>',
  ].join('');
}
