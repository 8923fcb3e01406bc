import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const src = (path: string) => fileURLToPath(new URL(`../src/${path}`, import.meta.url));

// The demo imports the kit by its published names; the aliases point them at the sources.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^mfa-kit\/react\/styles\.css$/, replacement: src('react/styles.css') },
      { find: /^mfa-kit\/react$/, replacement: src('react/index.ts') },
      { find: /^mfa-kit$/, replacement: src('core/index.ts') },
    ],
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
});
