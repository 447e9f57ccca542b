/**
 * Closes what a suite opened, in the order given. A missing one (the before hook failed before
 * opening it) is skipped, and one that fails to close does not leave the rest open: the first
 * failure is thrown once all were tried.
 */
export async function closeAll(...things: ({ close(): unknown } | undefined)[]): Promise<void> {
  const failures: unknown[] = [];
  for (const thing of things) {
    try {
      await thing?.close();
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) throw failures[0];
}
