import { bundleElectron } from './electron-bundle';

/** `tsx scripts/build-electron.ts [--production]`: bundles the Electron main process and preload into dist/electron. */
const production = process.argv.includes('--production');
await bundleElectron({ production });
console.log(`built dist/electron/main.cjs and dist/electron/preload.cjs (${production ? 'production: no source maps, no BACKOFFICE_* overrides' : 'development'})`);
