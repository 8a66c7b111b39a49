import type { MenuItemConstructorOptions } from 'electron';

/** Zoom keys beside the View menu's own: Ctrl/Cmd with "=" (no Shift needed) and the numeric keypad. */
const extraZoomKeys: MenuItemConstructorOptions[] = [
  { role: 'zoomIn', accelerator: 'CommandOrControl+=', visible: false, acceleratorWorksWhenHidden: true },
  { role: 'zoomIn', accelerator: 'CommandOrControl+numadd', visible: false, acceleratorWorksWhenHidden: true },
  { role: 'zoomOut', accelerator: 'CommandOrControl+numsub', visible: false, acceleratorWorksWhenHidden: true },
  { role: 'resetZoom', accelerator: 'CommandOrControl+num0', visible: false, acceleratorWorksWhenHidden: true },
];

/** View: text size (Ctrl/Cmd + and −, 0 for the usual size) and full screen; the developer tools only in development. */
function viewMenu(development: boolean): MenuItemConstructorOptions {
  const submenu: MenuItemConstructorOptions[] = [
    { role: 'zoomIn', label: 'Zoom In' },
    { role: 'zoomOut', label: 'Zoom Out' },
    { role: 'resetZoom', label: 'Actual Size' },
    ...extraZoomKeys,
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (development) submenu.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' });
  return { label: 'View', submenu };
}

/**
 * The application menu on every platform: macOS's own app menu first; File (quit) elsewhere; Edit for copy and
 * paste; View for zoom; Window; and Help's About on Windows and Linux, where the app menu does not hold it.
 */
export function appMenuTemplate(platform: NodeJS.Platform, development: boolean): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  return [
    ...(mac ? [{ role: 'appMenu' } as const] : [{ label: 'File', submenu: [{ role: 'quit' }] } satisfies MenuItemConstructorOptions]),
    { role: 'editMenu' },
    viewMenu(development),
    { role: 'windowMenu' },
    ...(mac ? [] : [{ role: 'help', submenu: [{ role: 'about' }] } satisfies MenuItemConstructorOptions]),
  ];
}
