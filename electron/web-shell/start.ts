import { startApp } from './start-app';

/** `npm run start:web`: the app in the browser shell, printing the address to open. */
const shell = await startApp();
console.log(`Parts Back Office is running in the browser shell. Open:\n${shell.url}`);
// One machine-readable line for scripts and tests that start the shell.
console.log(`WEB_SHELL_URL=${shell.url}`);
