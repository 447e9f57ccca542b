import { defineConfig } from 'vite';
import { assetDelivery } from '../client/build/asset-delivery';

// The residents' booking page, served at `/book/`: no framework, so a phone on a slow line
// has it in one small script (issue 16 wants it at Lighthouse 90 or more on mobile).
export default defineConfig({
  base: '/book/',
  plugins: [assetDelivery()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
    },
  },
});
