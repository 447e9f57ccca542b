import { defineConfig } from 'vite';
import { madoguchiApp } from '../client/build/app-config';

// The residents' booking page, served at `/book/`: no framework, so a phone on a slow line
// has it in one small script (issue 16 wants it at Lighthouse 90 or more on mobile).
export default defineConfig(madoguchiApp({ base: '/book/', signalling: false }));
