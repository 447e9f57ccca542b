/** One pending timeout at a time: set() replaces whatever was pending. */
export class OneShotTimer {
  private id: ReturnType<typeof setTimeout> | null = null;

  get pending(): boolean {
    return this.id !== null;
  }

  set(delayMs: number, run: () => void): void {
    this.clear();
    this.id = setTimeout(() => {
      this.id = null;
      run();
    }, delayMs);
  }

  clear(): void {
    if (this.id !== null) clearTimeout(this.id);
    this.id = null;
  }
}
