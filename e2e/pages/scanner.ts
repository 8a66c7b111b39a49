import type { CDPSession, Page } from '@playwright/test';

/** What a US keyboard sends for a character a barcode holds: its key code, and its virtual key code on Windows. */
function keyOf(c: string): { key: string; code: string; windowsVirtualKeyCode: number } {
  if (/[a-z]/i.test(c)) return { key: c, code: `Key${c.toUpperCase()}`, windowsVirtualKeyCode: c.toUpperCase().charCodeAt(0) };
  if (/[0-9]/.test(c)) return { key: c, code: `Digit${c}`, windowsVirtualKeyCode: c.charCodeAt(0) };
  if (c === '-') return { key: c, code: 'Minus', windowsVirtualKeyCode: 189 };
  if (c === '.') return { key: c, code: 'Period', windowsVirtualKeyCode: 190 };
  if (c === ' ') return { key: c, code: 'Space', windowsVirtualKeyCode: 32 };
  return { key: c, code: '', windowsVirtualKeyCode: 0 };
}

/** A scanner's keys follow each other this far apart (a whole code in 20–60 ms). */
const SCANNER_KEY_GAP_S = 0.004;

const sessions = new WeakMap<Page, Promise<CDPSession>>();

/**
 * A barcode scanner: the whole code and Enter, into whatever has the cursor, each key stamped a few ms after the
 * one before, as the system stamps a scanner's keys. The app tells a scan from typing by those stamps, so the
 * scan stays a scan however late a busy machine delivers the keys (Playwright's own keys are stamped on arrival).
 */
export async function scanCode(page: Page, code: string): Promise<void> {
  if (!sessions.has(page)) sessions.set(page, page.context().newCDPSession(page));
  const cdp = await sessions.get(page)!;
  const start = Date.now() / 1000;
  const keys = [...code].map((c) => ({ ...keyOf(c), text: c }));
  keys.push({ key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r' });
  for (const [i, k] of keys.entries()) {
    const timestamp = start + i * SCANNER_KEY_GAP_S;
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...k, unmodifiedText: k.text, timestamp });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: k.key, code: k.code, windowsVirtualKeyCode: k.windowsVirtualKeyCode, timestamp: timestamp + 0.001 });
  }
}
