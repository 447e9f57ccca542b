/**
 * Imported before anything that imports mediasoup. mediasoup 3.12 fixes its worker binary when
 * it is first loaded: MEDIASOUP_WORKER_BIN, or else worker/out/Release/mediasoup-worker inside the
 * package, where scripts/build-mediasoup-worker.sh installs the Debian-built binary our layer
 * runs. Naming that path explicitly makes the bare baseline and our layer spawn the same file.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

const packageJson = createRequire(import.meta.url).resolve('mediasoup/package.json');
process.env['MEDIASOUP_WORKER_BIN'] ??= path.join(path.dirname(packageJson), 'worker', 'out', 'Release', 'mediasoup-worker');

export const mediasoupWorkerBin: string = process.env['MEDIASOUP_WORKER_BIN'];
