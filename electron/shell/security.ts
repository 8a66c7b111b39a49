import type { App, Event, IpcMainInvokeEvent, WebContents } from 'electron';
import { isTrustedExternalUrl } from './url-trust';

/** Hands a link to the system (Electron's `shell.openExternal`); passed in so this module stays testable without Electron. */
export type OpenExternal = (url: string) => Promise<void>;

/** The only origin the window may show; everything else is refused. */
export const APP_ORIGIN = 'app://renderer';

export function isAppUrl(raw: string): boolean {
  try {
    const u = new URL(raw);
    return `${u.protocol}//${u.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

/** Bridge calls are honoured only from the app's own top frame. */
export function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame === event.sender.mainFrame && isAppUrl(frame.url);
}

/** Navigation, redirects and sub-frame navigation all go through here: only the app's own pages. */
function keepOnApp(details: Event<{ url: string }>): void {
  if (!isAppUrl(details.url)) details.preventDefault();
}

/**
 * No navigation away (by link, redirect or frame), no new windows, no webviews, no permissions
 * (neither prompts nor checks: camera, notifications, clipboard, …). A link that asks for a new
 * window (a vendor description's, a vendor's e-mail address) opens in the system's own browser or
 * mail program instead, once it passes the URL-trust check; the app's page is never replaced.
 */
export function lockDown(contents: WebContents, openExternal?: OpenExternal): void {
  contents.on('will-navigate', keepOnApp);
  contents.on('will-redirect', keepOnApp);
  contents.on('will-frame-navigate', keepOnApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (openExternal && isTrustedExternalUrl(url)) void openExternal(url).catch(() => undefined);
    return { action: 'deny' };
  });
  contents.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler(() => false);
}

/** Applies the same rules to every web contents the app ever creates (windows, frames, devtools, anything). */
export function lockDownEveryContents(app: App, openExternal?: OpenExternal): void {
  app.on('web-contents-created', (_event, contents) => lockDown(contents, openExternal));
}
