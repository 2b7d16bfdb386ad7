/**
 * A bounded hand-over from several producers (one per type being read) to one consumer (the recorder). `push` waits
 * while the buffer is full, so reading Graph never runs ahead of writing PostgreSQL by more than `capacity` objects;
 * when the consumer stops early (its own error), waiting and later pushes reject so producers end too.
 */
export class SnapshotChannel<T> implements AsyncIterable<T> {
  private readonly buffer: T[] = [];
  private closed = false;
  private failure: { error: unknown } | null = null;
  private abandoned = false;
  private wakeConsumer: (() => void) | null = null;
  private readonly wakeProducers: Array<() => void> = [];

  constructor(private readonly capacity: number) {}

  async push(item: T): Promise<void> {
    while (this.buffer.length >= this.capacity && !this.abandoned) {
      await new Promise<void>((resolve) => this.wakeProducers.push(resolve));
    }
    if (this.abandoned) throw new Error('the backup writer stopped');
    this.buffer.push(item);
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
            const value = this.buffer.shift()!;
            this.releaseProducers();
            return { value, done: false };
          }
          if (this.failure) throw this.failure.error;
          if (this.closed) return { value: undefined, done: true };
          await new Promise<void>((resolve) => (this.wakeConsumer = resolve));
        }
      },
      return: (): Promise<IteratorResult<T>> => {
        this.abandoned = true;
        this.buffer.length = 0;
        this.releaseProducers();
        return Promise.resolve({ value: undefined, done: true });
      },
    };
  }
}
