/**
 * Collects live messages and hands them over in batches, at most once per interval: a run emitting 100 progress
 * events a second costs a handful of renders, not 100. Only the newest message per key is kept in a batch.
 */
export class Coalescer<T> {
  private pending = new Map<string, T>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly keyOf: (item: T) => string,
    private readonly flush: (items: T[]) => void,
    private readonly intervalMs = 250,
  ) {}

  push(item: T): void {
    this.pending.set(this.keyOf(item), item);
    this.timer ??= setTimeout(() => this.drain(), this.intervalMs);
  }

  private drain(): void {
    this.timer = null;
    if (!this.pending.size) return;
    const items = [...this.pending.values()];
    this.pending = new Map();
    this.flush(items);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
  }
}
