/** How much a `SnapshotChannel` buffers at most. */
export interface SnapshotChannelLimits<T> {
  maxItems: number;
  /** Upper bound of the summed `weigh` of buffered items (default: no byte bound). */
  maxBytes?: number;
  weigh?: (item: T) => number;
}

/**
 * A bounded hand-over from several producers (one per type being read) to one consumer (the recorder). `push` waits
 * while the buffer is full — `maxItems` objects, or `maxBytes` by the `weigh` estimate (a few settings-catalog policies
 * weigh as much as hundreds of scripts) — so reading Graph never runs ahead of writing PostgreSQL by more than that;
 * an object heavier than `maxBytes` alone still passes when the buffer is empty. When the consumer stops early (its
 * own error), waiting and later pushes reject so producers end too.
 */
export class SnapshotChannel<T> implements AsyncIterable<T> {
  private readonly buffer: Array<{ item: T; bytes: number }> = [];
  private bufferedBytes = 0;
  private closed = false;
  private failure: { error: unknown } | null = null;
  private abandoned = false;
  private wakeConsumer: (() => void) | null = null;
  private readonly wakeProducers: Array<() => void> = [];

  constructor(private readonly limits: SnapshotChannelLimits<T>) {}

  private full(bytes: number): boolean {
    if (this.buffer.length === 0) return false;
    return (
      this.buffer.length >= this.limits.maxItems ||
      (this.limits.maxBytes !== undefined && this.bufferedBytes + bytes > this.limits.maxBytes)
    );
  }

  async push(item: T): Promise<void> {
    const bytes = this.limits.weigh?.(item) ?? 0;
    while (this.full(bytes) && !this.abandoned) {
      await new Promise<void>((resolve) => this.wakeProducers.push(resolve));
    }
    if (this.abandoned) throw new Error('the backup writer stopped');
    this.buffer.push({ item, bytes });
    this.bufferedBytes += bytes;
    this.wake();
  }

  close(): void {
    this.closed = true;
    this.wake();
  }

  fail(error: unknown): void {
    this.failure = { error };
    this.wake();
  }

  private wake(): void {
    const consumer = this.wakeConsumer;
    this.wakeConsumer = null;
    consumer?.();
  }

  private releaseProducers(): void {
    for (const resolve of this.wakeProducers.splice(0)) resolve();
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return {
      next: async (): Promise<IteratorResult<T>> => {
        for (;;) {
          if (this.buffer.length) {
            const { item, bytes } = this.buffer.shift()!;
            this.bufferedBytes -= bytes;
            this.releaseProducers();
            return { value: item, done: false };
          }
          if (this.failure) throw this.failure.error;
          if (this.closed) return { value: undefined, done: true };
          await new Promise<void>((resolve) => (this.wakeConsumer = resolve));
        }
      },
      return: (): Promise<IteratorResult<T>> => {
        this.abandoned = true;
        this.buffer.length = 0;
        this.bufferedBytes = 0;
        this.releaseProducers();
        return Promise.resolve({ value: undefined, done: true });
      },
    };
  }
}
