import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent, WebContents } from 'electron';

vi.mock('electron', () => ({}));
const { isAppUrl, isTrustedSender, lockDown } = await import('./security');
const { mainWindowOptions } = await import('./window-options');

describe('isAppUrl', () => {
  it.each([
    ['app://renderer/index.html', true],
    ['app://renderer/', true],
    ['app://renderer.evil.com/', false],
    ['app://other/index.html', false],
    ['https://renderer/', false],
    ['file:///etc/passwd', false],
    ['http://127.0.0.1:3000/', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => expect(isAppUrl(url)).toBe(expected));
});

describe('the main window', () => {
  it('runs the page sandboxed, isolated and without Node', () => {
    const prefs = mainWindowOptions('/app/preload.cjs').webPreferences!;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
  });
});

function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: (() => { action: string }) | undefined;
  let permissionHandler: ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void) | undefined;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (h: () => { action: string }) => (openHandler = h),
    session: { setPermissionRequestHandler: (h: typeof permissionHandler) => (permissionHandler = h) },
  });
  lockDown(contents as unknown as WebContents);
  const navigate = (url: string) => {
    const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    emitter.emit('will-navigate', event, url);
    return event.defaultPrevented;
  };
  return { navigate, openHandler: () => openHandler!(), permission: (p: string) => new Promise<boolean>((r) => permissionHandler!(null, p, r)) };
}

describe('lockDown', () => {
  it('keeps the window on the app and refuses new windows and permissions', async () => {
    const wc = fakeContents();
    expect(wc.navigate('https://evil.example/')).toBe(true);
    expect(wc.navigate('file:///etc/passwd')).toBe(true);
    expect(wc.navigate('app://renderer/index.html')).toBe(false);
    expect(wc.openHandler()).toEqual({ action: 'deny' });
    expect(await wc.permission('media')).toBe(false);
    expect(await wc.permission('notifications')).toBe(false);
  });
});

describe('isTrustedSender', () => {
  const mainFrame = { url: 'app://renderer/index.html' };
  const event = (senderFrame: { url: string } | null) => ({ senderFrame, sender: { mainFrame } }) as unknown as IpcMainInvokeEvent;

  it('accepts the app’s own top frame only', () => {
    expect(isTrustedSender(event(mainFrame))).toBe(true);
    expect(isTrustedSender(event({ url: 'app://renderer/index.html' }))).toBe(false);
    expect(isTrustedSender(event(null))).toBe(false);
    const navigatedAway = { url: 'https://evil.example/' };
    expect(isTrustedSender({ senderFrame: navigatedAway, sender: { mainFrame: navigatedAway } } as unknown as IpcMainInvokeEvent)).toBe(false);
  });
});
