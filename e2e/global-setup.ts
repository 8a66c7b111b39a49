import { bundleWebShell } from '../scripts/electron-bundle';

/** The specs run the browser shell as `npm run start:web` does: from its bundle, built fresh here. */
export default async function globalSetup(): Promise<void> {
  await bundleWebShell({ production: false });
}
