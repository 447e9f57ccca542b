import assert from 'node:assert/strict';

/** Reads until `check` accepts the value; fails naming `what`, with the last value seen. */
export async function until<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  { timeoutMs = 5000, what = 'condition', intervalMs = 50 }: { timeoutMs?: number; what?: string; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!check(last)) {
    if (Date.now() > deadline) assert.fail(`${what} not met in ${timeoutMs} ms: last seen ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    last = await read();
  }
  return last;
}

/** Polls `check` until it holds; fails after `timeoutMs`. */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  await until(check, Boolean, { timeoutMs });
}
