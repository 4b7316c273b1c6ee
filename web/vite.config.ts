import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `npm run dev` serves the dashboard with hot reload and forwards API and SignalR calls to the API started by ./run.sh.
const api = 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/hubs': { target: api, changeOrigin: false, ws: true },
    },
  },
});
