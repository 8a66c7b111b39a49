/** Where a page of the browser shell opens its bridge socket (the Electron shell uses IPC instead). */
export const SHELL_SOCKET_PATH = '/bridge';
