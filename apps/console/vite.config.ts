import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const appRoot = fileURLToPath(new URL('.', import.meta.url));
const workspaceRoot = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  root: appRoot,
  // The API serves this build under /console/ with an SPA fallback.
  base: '/console/',
  plugins: [react()],
  resolve: {
    alias: {
      '@glow/contracts': `${workspaceRoot}libs/contracts/src/index.ts`,
      '@glow/domain': `${workspaceRoot}libs/domain/src/index.ts`,
    },
  },
  server: {
    port: 4300,
    // ws: the chat socket (socket.io on /api/socket.io) upgrades to a WebSocket through the same proxy.
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false, ws: true } },
  },
  preview: { port: 4300 },
  build: {
    outDir: `${appRoot}dist`,
    emptyOutDir: true,
    chunkSizeWarningLimit: 800,
  },
});
