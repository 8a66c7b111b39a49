import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';

vi.mock('electron', () => ({}));
const { appMenuTemplate } = await import('./app-menu');

const view = (menu: MenuItemConstructorOptions[]) => menu.find((m) => m.label === 'View')!.submenu as MenuItemConstructorOptions[];

describe('the application menu', () => {
  it.each(['darwin', 'win32', 'linux'] as const)('on %s has a View menu with zoom in, zoom out and actual size', (platform) => {
    const items = view(appMenuTemplate(platform, false));
    const roles = items.map((i) => i.role);
    expect(roles).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']));
    // Ctrl/Cmd with "=" zooms in as well, without Shift, and so does the keypad.
    expect(items.filter((i) => i.role === 'zoomIn').map((i) => i.accelerator)).toEqual([undefined, 'CommandOrControl+=', 'CommandOrControl+numadd']);
    expect(roles).not.toContain('toggleDevTools');
  });

  it('keeps the developer tools and reload to development', () => {
    expect(view(appMenuTemplate('linux', true)).map((i) => i.role)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('gives Windows and Linux a File menu to quit from and Help’s About; macOS its own app menu', () => {
    expect(appMenuTemplate('win32', false).map((m) => m.label ?? m.role)).toEqual(['File', 'editMenu', 'View', 'windowMenu', 'help']);
    expect(appMenuTemplate('darwin', false).map((m) => m.label ?? m.role)).toEqual(['appMenu', 'editMenu', 'View', 'windowMenu']);
  });
});
