import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { App, IpcMainInvokeEvent, WebContents } from 'electron';

vi.mock('electron', () => ({}));
const { isAppUrl, isTrustedSender, lockDown, lockDownEveryContents } = await import('./security');
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

type Fake = { preventDefault(): void; defaultPrevented: boolean; url: string };

function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  let permissionHandler: ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void) | undefined;
  let checkHandler: ((wc: unknown, permission: string) => boolean) | undefined;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (h: (details: { url: string }) => { action: string }) => (openHandler = h),
    session: {
      setPermissionRequestHandler: (h: typeof permissionHandler) => (permissionHandler = h),
      setPermissionCheckHandler: (h: typeof checkHandler) => (checkHandler = h),
    },
  });
  /** Emits a navigation-like event the way Electron does (details carry the URL) and says whether it was refused. */
  const refused = (name: string, url: string) => {
    const event: Fake = { defaultPrevented: false, url, preventDefault() { this.defaultPrevented = true; } };
    emitter.emit(name, event, url);
    return event.defaultPrevented;
  };
  return {
    contents: contents as unknown as WebContents,
    refused,
    navigate: (url: string) => refused('will-navigate', url),
    webview: () => refused('will-attach-webview', 'about:blank'),
    openHandler: (url = 'about:blank') => openHandler!({ url }),
    permission: (p: string) => new Promise<boolean>((r) => permissionHandler!(null, p, r)),
    check: (p: string) => checkHandler!(null, p),
  };
}

describe('lockDown', () => {
  it('keeps the window on the app and refuses new windows and permissions', async () => {
    const wc = fakeContents();
    lockDown(wc.contents);
    expect(wc.navigate('https://evil.example/')).toBe(true);
    expect(wc.navigate('file:///etc/passwd')).toBe(true);
    expect(wc.navigate('app://renderer/index.html')).toBe(false);
    expect(wc.openHandler()).toEqual({ action: 'deny' });
    expect(await wc.permission('media')).toBe(false);
    expect(await wc.permission('notifications')).toBe(false);
  });

  it.each(['will-redirect', 'will-frame-navigate'])('refuses %s away from the app, like will-navigate', (name) => {
    const wc = fakeContents();
    lockDown(wc.contents);
    expect(wc.refused(name, 'https://evil.example/')).toBe(true);
    expect(wc.refused(name, 'http://127.0.0.1:8080/')).toBe(true);
    expect(wc.refused(name, 'app://renderer/index.html')).toBe(false);
  });

  it('answers every permission check with no', () => {
    const wc = fakeContents();
    lockDown(wc.contents);
    for (const p of ['clipboard-read', 'media', 'notifications', 'geolocation', 'openExternal', 'unknown']) expect(wc.check(p)).toBe(false);
  });
});

describe('links that ask for a new window', () => {
  it('open in the system browser or mail program after the URL-trust check, never in the app', () => {
    const wc = fakeContents();
    const opened: string[] = [];
    lockDown(wc.contents, async (url) => void opened.push(url));
    for (const url of ['https://www.heavytruckparts.net/', 'mailto:parts@vendor.example', 'javascript:alert(1)', 'file:///etc/passwd', 'http://127.0.0.1:4000/', 'ms-settings:privacy']) {
      expect(wc.openHandler(url)).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(['https://www.heavytruckparts.net/', 'mailto:parts@vendor.example']);
  });

  it('a refused hand-over leaves the app as it was', async () => {
    const wc = fakeContents();
    lockDown(wc.contents, () => Promise.reject(new Error('no browser')));
    expect(wc.openHandler('https://www.heavytruckparts.net/')).toEqual({ action: 'deny' });
    await new Promise((r) => setImmediate(r));
  });
});

describe('lockDownEveryContents', () => {
  it('applies the same rules to every web contents the app creates, not only the main window', async () => {
    const app = new EventEmitter();
    const opened: string[] = [];
    lockDownEveryContents(app as unknown as App, async (url) => void opened.push(url));
    const other = fakeContents();
    app.emit('web-contents-created', {}, other.contents);
    expect(other.navigate('https://evil.example/')).toBe(true);
    expect(other.webview()).toBe(true);
    expect(other.openHandler()).toEqual({ action: 'deny' });
    expect(other.openHandler('https://www.heavytruckparts.net/')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://www.heavytruckparts.net/']);
    expect(other.check('media')).toBe(false);
    expect(await other.permission('media')).toBe(false);
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
