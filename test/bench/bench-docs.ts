import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Replaces (or appends) the `<!-- bench:NAME -->` section of docs/benchmarks.md. */
export function writeBenchSection(name: string, body: string[]): void {
  const file = path.resolve('docs/benchmarks.md');
  const section = [`<!-- bench:${name} -->`, ...body, `<!-- /bench:${name} -->`].join('\n');
  const existing = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const pattern = new RegExp(`<!-- bench:${name} -->[\\s\\S]*<!-- /bench:${name} -->`);
  writeFileSync(file, pattern.test(existing) ? existing.replace(pattern, section) : `${existing.trimEnd()}\n\n${section}\n`);
}

export const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};
