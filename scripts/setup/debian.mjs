// Debian packages: checked from dpkg's own records (no process, well under a millisecond),
// installed with apt-get when running as root, otherwise named in the exact command to run.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The mediasoup worker is built against these (scripts/build-mediasoup-worker.sh). */
export const WORKER_BUILD_PACKAGES = [
  'meson', 'ninja-build', 'pkg-config', 'g++', 'python3',
  'libabsl-dev', 'libsrtp2-dev', 'libuv1-dev', 'nlohmann-json3-dev', 'libssl-dev', 'libusrsctp-dev',
];
/** The server's own needs at run time: the Japanese font embedded in signed form PDFs (IPA Font License). */
export const RUNTIME_PACKAGES = ['fonts-ipaexfont-gothic'];
/**
 * The tests add a browser, a video tool for fake cameras, Catch2 for the worker's own tests,
 * pdftotext (poppler-utils) to read the signed PDFs back, and for the caption tests the shipped
 * recogniser (PocketSphinx and its English model) and espeak-ng, whose voice speaks the sentences the
 * specialist's fake microphone plays.
 */
export const TEST_PACKAGES = ['chromium', 'ffmpeg', 'catch2', 'poppler-utils', 'python3-pocketsphinx', 'pocketsphinx-en-us', 'espeak-ng'];

/** The test packages, plus firefox-esr once a browser test drives Debian's Firefox. */
export function testPackages(root) {
  const e2e = path.join(root, 'test', 'e2e');
  const usesFirefox =
    existsSync(e2e) &&
    readdirSync(e2e, { recursive: true })
      .filter((file) => String(file).endsWith('.ts'))
      .some((file) => readFileSync(path.join(e2e, String(file)), 'utf8').includes('firefox-esr'));
  return usesFirefox ? [...TEST_PACKAGES, 'firefox-esr'] : TEST_PACKAGES;
}

const DPKG_INFO = '/var/lib/dpkg/info';
const DPKG_ARCH = { x64: 'amd64', arm64: 'arm64', arm: 'armhf', ia32: 'i386' }[process.arch] ?? process.arch;

/**
 * Test hooks, so the missing-package path can be tried without removing anything:
 * MADOGUCHI_SETUP_PRETEND_MISSING=pkg,pkg treats those as not installed, and
 * MADOGUCHI_SETUP_PRETEND_NOT_ROOT=1 behaves as a user without root.
 */
function pretendedMissing() {
  return new Set((process.env.MADOGUCHI_SETUP_PRETEND_MISSING ?? '').split(',').map((name) => name.trim()).filter(Boolean));
}

export function isRoot() {
  return process.env.MADOGUCHI_SETUP_PRETEND_NOT_ROOT !== '1' && process.getuid?.() === 0;
}

/** True when dpkg keeps records here (Debian and its derivatives). */
export function hasDpkg() {
  return existsSync(DPKG_INFO);
}

function installed(name) {
  // dpkg keeps <name>.list (or <name>:<arch>.list for multi-arch libraries) for every installed
  // package and removes it on removal; dpkg-query confirms before anything is reported missing.
  if (existsSync(`${DPKG_INFO}/${name}.list`) || existsSync(`${DPKG_INFO}/${name}:${DPKG_ARCH}.list`)) return true;
  const query = spawnSync('dpkg-query', ['-W', '-f=${db:Status-Status}', name], { encoding: 'utf8' });
  return query.status === 0 && query.stdout.trim() === 'installed';
}

/** The packages of `wanted` that are not installed, in the given order. */
export function missingPackages(wanted) {
  const pretend = pretendedMissing();
  return wanted.filter((name) => pretend.has(name) || !installed(name));
}

export function installCommand(packages) {
  return `sudo apt-get update && sudo apt-get install -y --no-install-recommends ${packages.join(' ')}`;
}

/** Installs `packages` with apt-get (as root) after one `apt-get update`; `run` is runLogged. */
export async function aptInstall(packages, run) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await run('apt-get', ['update', '-q'], { env });
  await run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...packages], { env });
}
