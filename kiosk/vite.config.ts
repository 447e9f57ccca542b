import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { madoguchiApp, MEDIA_CHUNK, REACT_CHUNK } from '../client/build/app-config';

// The kiosk app is served by the Madoguchi server at `/kiosk/`; its media chunk is fetched once the first screen is up.
export default defineConfig(madoguchiApp({ base: '/kiosk/', plugins: [react()], chunks: [REACT_CHUNK, MEDIA_CHUNK] }));
