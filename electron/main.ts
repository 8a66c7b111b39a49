import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, shell } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { contract } from '../shared/contract';
import { listChannels } from '../shared/contract/channel';
import { fail } from '../shared/result';
import { createAppServices, type AppServices } from './app/app-services';
import { dataDir, keychainServiceName } from './app/paths';
import { OsKeychain } from './core/secrets/os-keychain';
import { appMenuTemplate } from './shell/app-menu';
import { contentSecurityPolicy } from './shell/csp';
import { APP_ORIGIN, isTrustedSender, lockDownEveryContents } from './shell/security';
import { mainWindowOptions } from './shell/window-options';

const rendererDir = path.join(__dirname, '..', 'renderer');
// Before any window exists, so no web contents escapes the navigation, window and permission rules.
lockDownEveryContents(app, (url) => shell.openExternal(url));
protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

function serveRenderer(): void {
  protocol.handle('app', async (request) => {
    const { pathname } = new URL(request.url);
    const file = path.resolve(rendererDir, `.${decodeURIComponent(pathname)}`);
    const inside = file.startsWith(rendererDir + path.sep) && path.extname(file) !== '';
    const response = await net.fetch(pathToFileURL(inside ? file : path.join(rendererDir, 'index.html')).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', contentSecurityPolicy);
    return new Response(response.body, { status: response.status, headers });
  });
}

function wireBridge(services: AppServices): void {
  for (const { name } of listChannels(contract)) {
    ipcMain.handle(name, (event, input: unknown) =>
      isTrustedSender(event) ? services.dispatch(name, input) : fail('forbidden', 'Bridge calls are accepted only from the app window.'),
    );
  }
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(path.join(__dirname, 'preload.cjs')));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

async function main(): Promise<void> {
  await app.whenReady();
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(process.platform, !app.isPackaged)));
  serveRenderer();
  const services = await createAppServices({
    dataDir: dataDir(() => app.getPath('userData')),
    secrets: new OsKeychain(keychainServiceName()),
    version: app.getVersion(),
    // The system's regional format (not only the UI language) decides how numbers and dates are written.
    locale: () => ({ locale: app.getSystemLocale() || app.getLocale() || null, languages: app.getPreferredSystemLanguages() }),
  });
  if (services.startupError) dialog.showErrorBox('The local data could not be opened', services.startupError.message);
  wireBridge(services);
  createWindow();
  app.on('activate', () => BrowserWindow.getAllWindows().length === 0 && createWindow());
  app.on('window-all-closed', () => process.platform !== 'darwin' && app.quit());
  app.on('before-quit', () => void services.stop());
}

if (!app.requestSingleInstanceLock()) app.quit();
else void main();
