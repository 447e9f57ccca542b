// Runs one set-up command with its output in a log file, printing a line every 30 s so a long
// step never looks stuck. On failure the error carries the log's last lines.
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';

const HEARTBEAT_MS = 30_000;

export function formatDuration(ms) {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${(ms / 1000).toFixed(1)} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

export function tailOf(file, lines = 15) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines);
  } catch {
    return [];
  }
}

export class CommandError extends Error {
  constructor(message, logFile) {
    super(message);
    this.logFile = logFile;
  }
}

/** Appends the command's output to `logFile`; resolves on exit 0, rejects with CommandError otherwise. */
export function runLogged(command, args, { cwd, env, logFile }) {
  mkdirSync(path.dirname(logFile), { recursive: true });
  const fd = openSync(logFile, 'a');
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: env ?? process.env, stdio: ['ignore', fd, fd] });
    const heartbeat = setInterval(() => {
      console.log(`[setup]   … still working (${formatDuration(Date.now() - started)}; output in ${logFile})`);
    }, HEARTBEAT_MS);
    const finish = (error) => {
      clearInterval(heartbeat);
      closeSync(fd);
      if (error) reject(error);
      else resolve();
    };
    child.once('error', (error) =>
      finish(new CommandError(error.code === 'ENOENT' ? `'${command}' is not installed or not on PATH` : error.message, logFile)),
    );
    child.once('exit', (code, signal) =>
      finish(code === 0 ? undefined : new CommandError(`'${[command, ...args].join(' ')}' ${signal ? `was stopped by ${signal}` : `exited with code ${code}`}`, logFile)),
    );
  });
}
