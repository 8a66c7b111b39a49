import axe from 'axe-core';
import { expect, type CDPSession, type Page, type TestInfo } from '@playwright/test';

/** One way a person sees the app: a window size, and the browser's default text size. */
export interface Presentation {
  name: string;
  viewport: { width: number; height: number };
  /** The browser's default text size in px (16 unless the person changed it). */
  fontSize: number;
  /** Zoomed or enlarged text: nothing may be cut off or scroll sideways (WCAG 1.4.4 and 1.4.10). */
  enlarged?: boolean;
}

export const presentations: Presentation[] = [
  { name: '1024×768', viewport: { width: 1024, height: 768 }, fontSize: 16 },
  { name: '1366×768', viewport: { width: 1366, height: 768 }, fontSize: 16 },
  { name: '1920×1080', viewport: { width: 1920, height: 1080 }, fontSize: 16 },
  // 200% zoom of a 1366×768 screen lays the page out at 683×384 CSS pixels.
  { name: '200% zoom', viewport: { width: 683, height: 384 }, fontSize: 16, enlarged: true },
  // The browser's default text size doubled, as a person sets it in Chromium's settings, at 1366×768.
  { name: '200% text', viewport: { width: 1366, height: 768 }, fontSize: 32, enlarged: true },
];

/** axe's violations (but minor ones, unless asked) as lines naming the state, the presentation and up to three elements. */
async function axeFindings(page: Page, label: string, minor: boolean): Promise<string[]> {
  // Injected once per page load: the app changes state without loading again, so axe stays for every state.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const run = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] });
    return run.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => minor || v.impact !== 'minor').map((v) => `${label}: [${v.impact}] ${v.id} — ${v.help} (${v.nodes.slice(0, 3).join(', ')})`);
}

/** What a person at 200% would find cut off or out of reach: the page scrolling sideways, a clipped text, a menu taking the screen. */
function reflowProblems(page: Page, label: string): Promise<string[]> {
  return page.evaluate((name) => {
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) problems.push(`${name}: the page scrolls sideways (${root.scrollWidth} > ${root.clientWidth})`);
    // Text shortened with "…" or clipped, outside the inventory's rows (whose item panel shows each in full) and the
    // product sheet's cells (a spreadsheet's cells clip; F2 or the cell's title shows each in full).
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('#root *'))) {
      if (el.scrollWidth <= el.clientWidth + 1 || el.closest('.inventory-row, .sheet-grid, .visually-hidden') || el.offsetParent === null) continue;
      const style = getComputedStyle(el);
      const clipped = style.textOverflow === 'ellipsis' || (style.overflowX === 'hidden' && el.children.length === 0);
      if (clipped) problems.push(`${name}: "${el.textContent?.trim().slice(0, 40)}" is cut off`);
    }
    // A menu folded into a row at the top must leave the screen most of the height.
    const box = document.querySelector<HTMLElement>('.nav')?.getBoundingClientRect();
    if (box && box.width > window.innerWidth / 2 && box.height > window.innerHeight * 0.4) problems.push(`${name}: the menu takes ${Math.round(box.height)} of ${window.innerHeight} px`);
    return problems;
  }, label);
}

/**
 * Looks at the state on screen in every presentation: axe in each, and in the enlarged ones what is cut off or
 * scrolls sideways. Sizes and text sizes change in place, so the state is opened once for all of them; a
 * screenshot is kept of each presentation that has something to show.
 */
export class PresentationCheck {
  private fontSize = 16;

  private constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
    private readonly testInfo: TestInfo,
    /** The window the test had, given back by `done`. */
    private readonly before: Presentation,
  ) {}

  static async start(page: Page, testInfo: TestInfo): Promise<PresentationCheck> {
    const viewport = page.viewportSize() ?? presentations[0].viewport;
    return new PresentationCheck(page, await page.context().newCDPSession(page), testInfo, { name: 'before', viewport, fontSize: 16 });
  }

  /** The window and text size as they were before the check, for a test that goes on. */
  done(): Promise<void> {
    return this.present(this.before);
  }

  private async present(p: Presentation): Promise<void> {
    await this.page.setViewportSize(p.viewport);
    if (p.fontSize !== this.fontSize) {
      await this.cdp.send('Page.setFontSizes', { fontSizes: { standard: p.fontSize, fixed: Math.round(p.fontSize * 0.8125) } });
      this.fontSize = p.fontSize;
    }
    // The app's text follows the setting: 14 of every 16 px.
    await expect.poll(() => this.page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe(`${p.fontSize * 0.875}px`);
    await expect.poll(() => this.page.evaluate(() => [window.innerWidth, window.innerHeight])).toEqual([p.viewport.width, p.viewport.height]);
    // Layout that follows the size (folded menu, measured lists) settles within two frames.
    await this.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }

  /** Every finding in the state on screen, in every presentation; `minor` counts axe's minor findings too. */
  async findings(state: string, { minor = false } = {}): Promise<string[]> {
    const found: string[] = [];
    for (const p of presentations) {
      await this.present(p);
      const label = `${state} at ${p.name}`;
      const here = [...(p.enlarged ? await reflowProblems(this.page, label) : []), ...(await axeFindings(this.page, label, minor))];
      if (here.length > 0) await this.page.screenshot({ path: this.testInfo.outputPath(`${state}-${p.name.replace(/\W+/g, '-')}.png`) });
      found.push(...here);
    }
    return found;
  }
}
