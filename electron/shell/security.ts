import type { App, Event, IpcMainInvokeEvent, WebContents } from 'electron';

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
 * (neither prompts nor checks: camera, notifications, clipboard, …).
 */
export function lockDown(contents: WebContents): void {
  contents.on('will-navigate', keepOnApp);
  contents.on('will-redirect', keepOnApp);
  contents.on('will-frame-navigate', keepOnApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler(() => false);
}

/** Applies the same rules to every web contents the app ever creates (windows, frames, devtools, anything). */
export function lockDownEveryContents(app: App): void {
  app.on('web-contents-created', (_event, contents) => lockDown(contents));
}
