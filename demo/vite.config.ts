import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { SOURCE_ALIASES } from '../vite.config.js';

// The demo imports the kit by its published names; the aliases point them at the sources.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  resolve: { alias: SOURCE_ALIASES },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
});
