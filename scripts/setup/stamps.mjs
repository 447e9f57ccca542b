// Stamps: small JSON files written only after a step has succeeded, so an interrupted or
// failed step is simply redone on the next run.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The stamp's recorded key, or undefined when there is none (or it is unreadable). */
export function readStamp(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8')).key;
  } catch {
    return undefined;
  }
}

/** Writes the stamp through a temporary file and a rename, so it is whole or absent. */
export function writeStamp(file, key) {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify({ key, at: new Date().toISOString() }) + '\n');
  renameSync(temporary, file);
}
