// Does whatever set-up is missing before `npm start` or `npm test`, using node's built-ins only
// (it runs before node_modules exists). When everything is in place it only reads stamps.
import { existsSync, renameSync, rmSync, statfsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { aptInstall, hasDpkg, installCommand, isRoot, missingPackages, RUNTIME_PACKAGES, testPackages, WORKER_BUILD_PACKAGES } from './debian.mjs';
import { readStamp, writeStamp } from './stamps.mjs';
import { setupSteps } from './steps.mjs';
import { CommandError, formatDuration, runLogged, tailOf } from './run-logged.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const MIN_NODE = [20, 19];
const BUILD_STAMP = '.build-stamp.json';

class SetupError extends Error {
  constructor(message, { hint, logFile } = {}) {
    super(message);
    this.hint = hint;
    this.logFile = logFile;
  }
}

const say = (line) => console.log(`[setup] ${line}`);
const valueOf = (field, root) => (typeof field === 'function' ? field(root) : field);

function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < MIN_NODE[0] || (major === MIN_NODE[0] && minor < MIN_NODE[1])) {
    throw new SetupError(`Node.js ${MIN_NODE.join('.')} or newer is needed (this is ${process.versions.node}).`, {
      hint: 'Install Node.js 20 LTS (20.19 or newer) or 22, then run again.',
    });
  }
}

function isDone(step, root) {
  const key = step.key(root);
  if (step.output) return readStamp(path.join(step.output(root), BUILD_STAMP)) === key;
  return readStamp(step.stamp(root)) === key && (step.outputs?.(root) ?? []).every((file) => existsSync(file));
}

function checkDisk(step, root) {
  const neededMb = valueOf(step.diskMb, root) ?? 0;
  if (!neededMb) return;
  let dir = step.diskPath?.() ?? root;
  while (!existsSync(dir)) dir = path.dirname(dir);
  const stats = statfsSync(dir);
  const freeMb = Math.floor((stats.bavail * stats.bsize) / 2 ** 20);
  if (freeMb < neededMb) {
    throw new SetupError(`not enough disk space: ${freeMb} MB free under ${dir}, this step needs about ${neededMb} MB.`, {
      hint: 'Free some disk space, then run again.',
    });
  }
}

/** Builds a folder step into a temporary sibling, stamps it, then swaps it into place. */
async function buildFolder(step, ctx, key) {
  const target = step.output(ctx.root);
  const temporary = `${target}.tmp-${process.pid}`;
  const previous = `${target}.old-${process.pid}`;
  rmSync(temporary, { recursive: true, force: true });
  try {
    await step.build(ctx, temporary);
    writeStamp(path.join(temporary, BUILD_STAMP), key);
    if (existsSync(target)) renameSync(target, previous);
    renameSync(temporary, target);
  } finally {
    rmSync(temporary, { recursive: true, force: true });
    rmSync(previous, { recursive: true, force: true });
  }
}

async function ensureDebianPackages(wanted, root) {
  if (!hasDpkg()) {
    say(`not a Debian system: make sure these (or your system's equivalents) are installed: ${wanted.join(' ')}`);
    return;
  }
  const missing = missingPackages(wanted);
  if (missing.length === 0) return;
  if (!isRoot()) {
    throw new SetupError(`missing Debian packages: ${missing.join(' ')}`, {
      hint: `Install them (this needs root), then run again:\n\n    ${installCommand(missing)}\n`,
    });
  }
  say(`installing missing Debian packages with apt-get: ${missing.join(' ')} (a minute or a few)`);
  const logFile = path.join(root, '.setup-logs', 'apt.log');
  const started = Date.now();
  try {
    await aptInstall(missing, (command, args, options) => runLogged(command, args, { cwd: root, logFile, ...options }));
  } catch (error) {
    throw new SetupError(`apt-get could not install ${missing.join(' ')}: ${error.message}`, {
      hint: `Check that Debian's package mirror answers ('apt-get update'), then run again; or install them yourself:\n\n    ${installCommand(missing)}\n`,
      logFile,
    });
  }
  const still = missingPackages(missing);
  if (still.length > 0) throw new SetupError(`apt-get finished but these are still missing: ${still.join(' ')}`, { hint: `Try: ${installCommand(still)}`, logFile });
  say(`  done in ${formatDuration(Date.now() - started)}`);
}

function report(error, where) {
  const lines = ['', `[setup] FAILED${where ? ` at ${where}` : ''}: ${error.message}`];
  if (error.logFile) {
    const tail = tailOf(error.logFile);
    if (tail.length) lines.push('  last lines of its output:', ...tail.map((line) => `    ${line}`));
    lines.push(`  full output: ${error.logFile}`);
  }
  if (/ENOSPC|No space left/i.test(tailOf(error.logFile ?? '', 40).join('\n'))) lines.push('  The disk is full: free some space.');
  if (error.hint) lines.push(`  What to do: ${error.hint}`);
  lines.push('  Nothing half-done is kept; the next run starts again at this step.', '');
  console.error(lines.join('\n'));
}

/**
 * Brings the clone up to date for `purpose` ('start' or 'test'): Debian packages, npm packages,
 * the media worker, the embedded PostgreSQL, the compiled server and the two web apps.
 * Exits the process with a message saying what to do when a step fails.
 */
export async function ensureSetup(purpose, { root = repoRoot, packagesOnly = false } = {}) {
  if (process.env.MADOGUCHI_SKIP_SETUP === '1') return;
  const started = performance.now();
  let where;
  try {
    checkNode();
    const packages = [...WORKER_BUILD_PACKAGES, ...RUNTIME_PACKAGES, ...(purpose === 'test' ? testPackages(root) : [])];
    where = 'the Debian packages';
    await ensureDebianPackages(packages, root);
    if (packagesOnly) {
      say(`Debian packages in place: ${packages.join(' ')}`);
      return;
    }
    const steps = setupSteps();
    let ran = 0;
    for (const [index, step] of steps.entries()) {
      if (isDone(step, root)) continue;
      where = `step ${index + 1}/${steps.length} (${step.title})`;
      ran += 1;
      say(`${index + 1}/${steps.length} ${step.title}: ${valueOf(step.estimate, root)}…`);
      checkDisk(step, root);
      const logFile = path.join(root, '.setup-logs', `${step.id}.log`);
      rmSync(logFile, { force: true });
      const ctx = {
        root,
        log: (line) => say(`  ${line}`),
        run: (command, args, options) => runLogged(command, args, { logFile, ...options }),
      };
      const stepStarted = Date.now();
      const key = step.key(root);
      try {
        if (step.output) await buildFolder(step, ctx, key);
        else {
          await step.run(ctx);
          writeStamp(step.stamp(root), step.key(root));
        }
      } catch (error) {
        throw new SetupError(error.message, { hint: valueOf(step.hint, root), logFile: error instanceof CommandError ? error.logFile : logFile });
      }
      say(`  done in ${formatDuration(Date.now() - stepStarted)}`);
    }
    const total = formatDuration(performance.now() - started);
    say(ran === 0 ? `everything in place (${steps.length} stamps checked in ${total})` : `set-up complete in ${total}`);
  } catch (error) {
    report(error instanceof SetupError ? error : new SetupError(error.message ?? String(error)), where);
    process.exit(1);
  }
}
