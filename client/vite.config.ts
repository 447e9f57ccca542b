import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { assetDelivery } from './build/asset-delivery';

// The staff app is served by the Madoguchi server at `/`; `npm run dev` proxies the API.
export default defineConfig({
  base: '/',
  plugins: [react(), assetDelivery()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than our code; separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            // Only the lazily loaded admin screens use these; keep them out of the console's start-up.
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
            { name: 'qrcode', test: /node_modules[\\/](qrcode|dijkstrajs|pngjs)[\\/]/ },
            // mediasoup-client and what only it uses: loaded when a call can happen, never on the login page.
            { name: 'media', test: /node_modules[\\/](mediasoup-client|sdp-transform|h264-profile-level-id|awaitqueue|fake-mediastreamtrack|events-alias|debug|ms|supports-color)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/socket.io': { target: 'ws://localhost:3000', ws: true },
    },
  },
});
