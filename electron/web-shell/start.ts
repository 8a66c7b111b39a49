import { startApp } from './start-app';

/** `npm run start:web`: the app in the browser shell, printing the address to open. */
void startApp().then(
  (shell) => {
    console.log(`Parts Back Office is running in the browser shell. Open:\n${shell.url}`);
    // One machine-readable line for scripts and tests that start the shell.
    console.log(`WEB_SHELL_URL=${shell.url}`);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
