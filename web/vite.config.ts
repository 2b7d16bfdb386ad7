import react from '@vitejs/plugin-react-swc';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
// `npm run dev:web`: the app (npm start / npm run demo) serves the API; Vite serves the console with hot reload.
const api = process.env.TENANTATLAS_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    manifest: true,
    sourcemap: false,
    chunkSizeWarningLimit: 900, // the entry carries React, Mantine and urql; the figure that matters is printed by bundle-size.mjs
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/graphql': { target: api, ws: true },
      '/console-config.json': api,
      '/health': api,
      '/api': api,
    },
  },
});
