import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { startShell, type RunningShell } from '../e2e/fixtures/web-shell';
import { median, percentile, type BenchReport } from './harness';

/**
 * Frame times while the inventory table scrolls in Chromium, row by row and fast, against a plain list of the
 * same rows scrolled the same way in the same page. Drives the built renderer (`npm run build:renderer` first).
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ROW = 44;

async function call<T>(shell: RunningShell, channel: string, input: unknown = {}): Promise<T> {
  const r = await shell.call<T>(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value;
}

async function loadCopy(shell: RunningShell): Promise<void> {
  await call(shell, 'inventory:sync-now');
  for (;;) {
    const s = await call<{ loaded: boolean; running: unknown }>(shell, 'inventory:get-status');
    if (s.loaded && s.running === null) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Scrolls the element by `step` pixels each frame for `frames` frames; answers each frame's duration in ms. */
function scrollFrames(page: Page, selector: string, step: number, frames: number): Promise<number[]> {
  // Written as text: the bench runner renames functions in ways the page cannot run.
  return page.evaluate(`new Promise((resolve) => {
    const el = document.querySelector(${JSON.stringify(selector)});
    el.scrollTop = 0;
    const times = [];
    let last = 0;
    let n = 0;
    const tick = (t) => {
      if (last) times.push(t - last);
      last = t;
      if (n++ >= ${frames}) return resolve(times);
      el.scrollTop += ${step};
      if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) el.scrollTop = 0;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(() => requestAnimationFrame(tick));
  })`);
}

/** The same rows as plain divs in a scroll box of the same size: the floor a table of these rows can reach. */
async function addPlainList(page: Page, rows: { sku: string; name: string | null; category: string | null; quantity: number | null; price: number | null }[]): Promise<void> {
  const html = rows
    .map((r) => `<div style="height:44px;display:flex;gap:8px;align-items:center;border-bottom:1px solid #ddd"><span>${r.sku}</span><span>${r.name ?? ''}</span><span>${r.category ?? ''}</span><span>${r.quantity ?? ''}</span><span>${r.price ?? ''}</span></div>`)
    .join('');
  await page.evaluate(`(() => {
    const table = document.querySelector('[data-testid="inventory-results"]');
    const box = document.createElement('div');
    box.id = 'plain-list';
    box.style.cssText = 'position:fixed;left:0;top:0;width:' + table.clientWidth + 'px;height:' + table.clientHeight + 'px;overflow-y:auto;background:#fff;z-index:99';
    box.innerHTML = ${JSON.stringify(html)};
    document.body.appendChild(box);
  })()`);
}

function stats(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: median(times), p95: percentile(sorted, 95) };
}

export default async function bench(report: BenchReport): Promise<void> {
  report.section('Inventory table scrolling in Chromium (frame time)');
  if (!fs.existsSync(path.join(root, 'dist/renderer/index.html'))) {
    report.figure('skipped: build the renderer first (npm run build:renderer)', 0, '');
    return;
  }
  const shell = await startShell();
  const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    await loadCopy(shell);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(shell.url);
    await page.getByTestId('nav-inventory').click();
    await page.locator('[data-testid="inventory-results"] [role="row"]').first().waitFor();
    const { items } = await call<{ items: { sku: string; name: string | null; category: string | null; quantity: number | null; currentPriceCents: number | null }[] }>(shell, 'inventory:search', { query: '', limit: 500 });
    const table = '[data-testid="inventory-results"]';
    // A first pass warms image caches and the pages of rows, as a person scrolling back and forth would.
    await scrollFrames(page, table, ROW * 10, 60);
    const slow = stats(await scrollFrames(page, table, ROW, 240));
    const fast = stats(await scrollFrames(page, table, ROW * 25, 120));
    await addPlainList(page, items.map((i) => ({ sku: i.sku, name: i.name, category: i.category, quantity: i.quantity, price: i.currentPriceCents })));
    const plainSlow = stats(await scrollFrames(page, '#plain-list', ROW, 240));
    const plainFast = stats(await scrollFrames(page, '#plain-list', ROW * 25, 120));
    report.ratio('row by row, median frame', slow.median, plainSlow.median, 'ms');
    report.ratio('row by row, 95th percentile frame', slow.p95, plainSlow.p95, 'ms');
    report.ratio('fast (25 rows a frame), median frame', fast.median, plainFast.median, 'ms');
    report.ratio('fast (25 rows a frame), 95th percentile frame', fast.p95, plainFast.p95, 'ms');
  } finally {
    await browser.close();
    await shell.stop();
  }
}
