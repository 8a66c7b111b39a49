import fs from 'node:fs';
import { chromium, type Page } from 'playwright';
import { SHELL_SOCKET_PATH } from '../shared/contract/shell-socket';
import { percentile } from './harness';

/** Typed letter by letter, each keystroke waiting for its rows, like a person reading as they type. */
const TYPED = ['black dress', 'vintage cardigan', 'nike', 'leather boots', 'blazr', 'consignor 1000'];

// Plain text, so the bundler's helpers never reach the page: from the input event to the first
// animation frame after `shown()` says the typed text is on screen. Beside it, when the page notes
// them (see `noteArrivals`), when that query's first page arrived and when its rows were in the page.
const typeAndWait = (input: string, shown: string) => `(t) => new Promise((resolve) => {
  const el = document.querySelector(${JSON.stringify(input)});
  const notes = window.__typing;
  if (notes) notes.answered.clear(), notes.shown.clear();
  const started = performance.now();
  const since = (at) => (at === undefined ? null : at - started);
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(el, t);
  el.dispatchEvent(new Event('input', { bubbles: true }));
  const check = () => {
    if ((${shown}) === t) requestAnimationFrame(() => resolve({ painted: performance.now() - started, answered: since(notes?.answered.get(t)), shown: since(notes?.shown.get(t)) }));
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})`;

/**
 * Notes, in the app's page, when the first page of each query's search arrives over the bridge's
 * socket and when the table says that query's rows are shown: where a keystroke's time goes.
 */
const noteArrivals = `(() => {
  const notes = (window.__typing = { answered: new Map(), shown: new Map() });
  const asked = new Map();
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    try {
      const m = JSON.parse(data);
      if (m.channel === 'inventory:search' && m.input && m.input.offset === 0) asked.set(m.id, m.input.query);
    } catch {}
    return send.call(this, data);
  };
  const handler = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'onmessage');
  Object.defineProperty(WebSocket.prototype, 'onmessage', {
    get() { return handler.get.call(this); },
    set(fn) {
      handler.set.call(this, (event) => {
        const at = performance.now();
        try {
          const id = JSON.parse(event.data).id;
          if (asked.has(id) && !notes.answered.has(asked.get(id))) notes.answered.set(asked.get(id), at);
        } catch {}
        return fn.call(this, event);
      });
    },
  });
  new MutationObserver(() => {
    const q = document.querySelector('.inventory-results')?.getAttribute('data-shown-query');
    if (q !== null && q !== undefined && !notes.shown.has(q)) notes.shown.set(q, performance.now());
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-shown-query'] });
})()`;

/**
 * The bridge's own round trip from the app's page, as often as there were keystrokes: a socket of
 * its own (with the token the page keeps for its tab) asking for the workstation's locale, a call that reads nothing.
 */
const bridgeRoundTrips = `(count) => new Promise((resolve, reject) => {
  const socket = new WebSocket(location.origin.replace(/^http/, 'ws') + ${JSON.stringify(SHELL_SOCKET_PATH)});
  const times = [];
  let sentAt = 0;
  const ask = () => {
    sentAt = performance.now();
    socket.send(JSON.stringify({ id: times.length + 1, channel: 'app:get-locale', input: {} }));
  };
  socket.onopen = () => socket.send(JSON.stringify({ hello: sessionStorage.getItem('backoffice-shell-token') }));
  socket.onerror = () => reject(new Error('the bridge socket failed'));
  socket.onmessage = (event) => {
    const m = JSON.parse(event.data);
    if (m.ready) return ask();
    if (!m.result || !m.result.ok) return reject(new Error('the bridge refused app:get-locale'));
    times.push(performance.now() - sentAt);
    if (times.length < count) ask();
    else (socket.close(), resolve(times));
  };
})`;

interface Keystroke {
  painted: number;
  answered: number | null;
  shown: number | null;
}

async function typeAll(page: Page, script: string, clear: () => Promise<void>): Promise<Keystroke[]> {
  const times: Keystroke[] = [];
  for (const words of TYPED) {
    await clear();
    for (let i = 1; i <= words.length; i++) times.push((await page.evaluate(`(${script})(${JSON.stringify(words.slice(0, i))})`)) as Keystroke);
  }
  return times;
}

const sortedOf = (values: (number | null)[]) => values.filter((v): v is number => v !== null).sort((a, b) => a - b);

export interface TypingFigures {
  keystrokes: number;
  median: number;
  p95: number;
  slowest: number;
  /** The same keystrokes into a page that only echoes them: the browser's own floor on this machine, now. */
  floorP95: number;
  /** Keystrokes whose search went over the bridge (the others' first page was still held by the page). */
  asked: number;
  /** From the keystroke to its first page arriving in the page over the bridge's socket: median and p95. */
  answeredMedian: number;
  answeredP95: number;
  /** From the keystroke to its rows in the page, before they are painted: p95. */
  shownP95: number;
  /** A bridge call that reads nothing, from the same page over a socket of its own: p95. */
  bridgeP95: number;
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
    await page.addInitScript(noteArrivals);
    await page.goto(url);
    await page.getByTestId('nav-inventory').click();
    const input = page.getByTestId('inventory-search');
    await input.waitFor();
    const app = typeAndWait('[data-testid="inventory-search"]', `document.querySelector('.inventory-results')?.getAttribute('data-shown-query')`);
    // BENCH_CHROME_TRACE=<file>: Chromium's performance trace of the typing (open it in DevTools, Performance panel);
    // BENCH_CHROME_TRACE_CATEGORIES=a,b,… its categories (say, disabled-by-default-v8.cpu_profiler for the page's JavaScript).
    const trace = process.env.BENCH_CHROME_TRACE;
    if (trace) await browser.startTracing(page, { path: trace, screenshots: false, categories: process.env.BENCH_CHROME_TRACE_CATEGORIES?.split(',') });
    const times = await typeAll(page, app, async () => {
      await input.fill('');
      await page.locator('[data-shown-query=""]').waitFor();
    });
    if (trace) await browser.stopTracing();
    const bridge = (await page.evaluate(`(${bridgeRoundTrips})(${times.length})`)) as number[];
    const echo = await browser.newPage();
    await echo.setContent('<input id="typed"><div id="shown"></div><script>typed.oninput = () => (shown.textContent = typed.value)</script>');
    const floor = await typeAll(echo, typeAndWait('#typed', `document.querySelector('#shown').textContent`), () => echo.fill('#typed', ''));
    const sorted = sortedOf(times.map((k) => k.painted));
    const answered = sortedOf(times.map((k) => k.answered));
    return {
      keystrokes: times.length, median: percentile(sorted, 50), p95: percentile(sorted, 95), slowest: sorted[sorted.length - 1],
      floorP95: percentile(sortedOf(floor.map((k) => k.painted)), 95),
      asked: answered.length, answeredMedian: percentile(answered, 50), answeredP95: percentile(answered, 95), shownP95: percentile(sortedOf(times.map((k) => k.shown)), 95),
      bridgeP95: percentile(sortedOf(bridge), 95),
    };
  } finally {
    await browser.close();
  }
}
