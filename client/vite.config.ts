import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { madoguchiApp, MEDIA_CHUNK, REACT_CHUNK } from './build/app-config';

// The staff app is served by the Madoguchi server at `/`.
export default defineConfig(
  madoguchiApp({
    base: '/',
    plugins: [react()],
    chunks: [
      REACT_CHUNK,
      // Only the lazily loaded admin screens use these; keep them out of the console's start-up.
      { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
      { name: 'qrcode', test: /node_modules[\\/](qrcode|dijkstrajs|pngjs)[\\/]/ },
      MEDIA_CHUNK,
    ],
  }),
);
