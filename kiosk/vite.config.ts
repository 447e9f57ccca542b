import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { assetDelivery } from '../client/build/asset-delivery';

// The kiosk app is served by the Madoguchi server at `/kiosk/`; `npm run dev` proxies the API.
export default defineConfig({
  base: '/kiosk/',
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
            // mediasoup-client and what only it uses: fetched once the first screen is up, not before it.
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
