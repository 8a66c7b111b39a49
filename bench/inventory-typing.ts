import fs from 'node:fs';
import { chromium, type Page } from 'playwright';
import { percentile } from './harness';

/** Typed letter by letter, each keystroke waiting for its rows, like a person reading as they type. */
const TYPED = ['black dress', 'vintage cardigan', 'nike', 'leather boots', 'blazr', 'consignor 1000'];

// Plain text, so the bundler's helpers never reach the page: from the input event to the first
// animation frame after `shown()` says the typed text is on screen.
const typeAndWait = (input: string, shown: string) => `(t) => new Promise((resolve) => {
  const el = document.querySelector(${JSON.stringify(input)});
  const started = performance.now();
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(el, t);
  el.dispatchEvent(new Event('input', { bubbles: true }));
  const check = () => {
    if ((${shown}) === t) requestAnimationFrame(() => resolve(performance.now() - started));
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})`;

async function typeAll(page: Page, script: string, clear: () => Promise<void>): Promise<number[]> {
  const times: number[] = [];
  for (const words of TYPED) {
    await clear();
    for (let i = 1; i <= words.length; i++) times.push((await page.evaluate(`(${script})(${JSON.stringify(words.slice(0, i))})`)) as number);
  }
  return times;
}

export interface TypingFigures {
  keystrokes: number;
  median: number;
  p95: number;
  slowest: number;
  /** The same keystrokes into a page that only echoes them: the browser's own floor on this machine, now. */
  floorP95: number;
}

/**
 * Keystroke to rows painted, in Chromium through the browser shell at `url`: from the input event
 * to the first animation frame after the rows of that very query are on screen. Beside it, the same
 * keystrokes into a page that only echoes them.
 */
export async function typingFigures(url: string): Promise<TypingFigures> {
  const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));
  const browser = await chromium.launch({ executablePath: systemChromium, args: ['--no-sandbox', '--disable-gpu', '--password-store=basic'] });
  try {
    const page = await browser.newPage();
    await page.goto(url);
    await page.getByTestId('nav-inventory').click();
    const input = page.getByTestId('inventory-search');
    await input.waitFor();
    const app = typeAndWait('[data-testid="inventory-search"]', `document.querySelector('.inventory-results')?.getAttribute('data-shown-query')`);
    const times = await typeAll(page, app, async () => {
      await input.fill('');
      await page.locator('[data-shown-query=""]').waitFor();
    });
    const echo = await browser.newPage();
    await echo.setContent('<input id="typed"><div id="shown"></div><script>typed.oninput = () => (shown.textContent = typed.value)</script>');
    const floor = await typeAll(echo, typeAndWait('#typed', `document.querySelector('#shown').textContent`), () => echo.fill('#typed', ''));
    const sorted = [...times].sort((a, b) => a - b);
    return { keystrokes: times.length, median: percentile(sorted, 50), p95: percentile(sorted, 95), slowest: sorted[sorted.length - 1], floorP95: percentile([...floor].sort((a, b) => a - b), 95) };
  } finally {
    await browser.close();
  }
}
