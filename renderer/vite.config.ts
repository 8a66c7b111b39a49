import react from '@vitejs/plugin-react';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

// Source maps only for `vite build --mode development`; a production build ships none.
export default defineConfig(({ mode }) => ({
  root: here,
  base: './',
  plugins: [react()],
  build: {
    outDir: path.resolve(here, '../dist/renderer'),
    emptyOutDir: true,
    sourcemap: mode === 'development',
    chunkSizeWarningLimit: 1500,
  },
}));
