import type { PluginOption, UserConfig } from 'vite';
import { assetDelivery } from './asset-delivery';

/** A library chunk: libraries change less often than our code, so separate chunks stay cached across releases. */
export interface ChunkGroup {
  name: string;
  test: RegExp;
}

export const REACT_CHUNK: ChunkGroup = { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ };

/** mediasoup-client and what only it uses: loaded when a call can happen, never before the first screen. */
export const MEDIA_CHUNK: ChunkGroup = {
  name: 'media',
  test: /node_modules[\\/](mediasoup-client|sdp-transform|h264-profile-level-id|awaitqueue|fake-mediastreamtrack|events-alias|debug|ms|supports-color)[\\/]/,
};

export interface AppOptions {
  /** Where the Madoguchi server serves the app: `/`, `/kiosk/`, `/book/`. */
  base: string;
  /** The framework's plugin, if the app has one (the booking page has none). */
  plugins?: PluginOption[];
  chunks?: ChunkGroup[];
  /** Whether `npm run dev` proxies the signalling socket as well as the REST API. */
  signalling?: boolean;
}

/** The vite configuration of one of the web apps the Madoguchi server serves; `npm run dev` proxies the API. */
export function madoguchiApp({ base, plugins = [], chunks = [], signalling = true }: AppOptions): UserConfig {
  return {
    base,
    plugins: [...plugins, assetDelivery()],
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      ...(chunks.length > 0 ? { rolldownOptions: { output: { codeSplitting: { groups: chunks } } } } : {}),
    },
    server: {
      proxy: {
        '/api': 'http://localhost:3000',
        ...(signalling ? { '/socket.io': { target: 'ws://localhost:3000', ws: true } } : {}),
      },
    },
  };
}
