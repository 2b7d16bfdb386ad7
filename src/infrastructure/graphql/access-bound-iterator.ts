/** Delivered once, as the last payload, when the subscriber lost access: the field's resolve turns it into an error. */
export const ACCESS_LOST = Symbol('access lost');

export interface AccessBoundOptions<T> {
  /** Which payloads this subscription wants (e.g. its run, or its tenant's runs). */
  accepts(payload: T): boolean;
  /** May the subscriber still see them? Checked before each delivery and every `recheckMs` without one. */
  stillAllowed(): Promise<boolean>;
  recheckMs: number;
}

/**
 * A subscription's source that ends when the subscriber's access ends, instead of going silent: the next payload after
 * a revoke (or the next periodic check) is ACCESS_LOST, then the stream is done (graphql-ws sends the error, then
 * `complete`). Written by hand rather than as an async generator: a generator cannot be returned while it waits for
 * the next event, so an unsubscribed client would hold its pubsub listener until one arrived.
 */
export class AccessBoundIterator<T> implements AsyncIterableIterator<T | typeof ACCESS_LOST> {
  private pending: Promise<IteratorResult<T>> | null = null;
  private lost = false;
  private finished = false;
  private signalLost!: () => void;
  private readonly lostSignal = new Promise<null>((resolve) => (this.signalLost = () => resolve(null)));
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly source: AsyncIterator<T>,
    private readonly options: AccessBoundOptions<T>,
  ) {
    this.timer = setInterval(() => void this.check(), Math.max(250, options.recheckMs));
    this.timer.unref();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  async next(): Promise<IteratorResult<T | typeof ACCESS_LOST>> {
    for (;;) {
      if (this.finished) return { done: true, value: undefined };
      if (this.lost) {
        await this.return();
        return { done: false, value: ACCESS_LOST };
      }
      this.pending ??= this.source.next();
      const result = await Promise.race([this.pending, this.lostSignal]);
      if (result === null) continue; // lost while waiting: ACCESS_LOST on the next turn
      this.pending = null;
      if (result.done) {
        await this.return();
        return result;
      }
      if (!this.options.accepts(result.value)) continue;
      if (await this.check()) return result;
    }
  }

  async return(): Promise<IteratorResult<T>> {
    if (!this.finished) {
      this.finished = true;
      clearInterval(this.timer);
      await this.source.return?.();
    }
    return { done: true, value: undefined };
  }

  async throw(error?: unknown): Promise<IteratorResult<T>> {
    await this.return();
    throw error;
  }

  private async check(): Promise<boolean> {
    if (this.finished || this.lost) return false;
    // A failed check (database hiccup) is not a revoke: deliver nothing now, ask again next time.
    const allowed = await this.options.stillAllowed().catch(() => null);
    if (allowed === false && !this.lost) {
      this.lost = true;
      this.signalLost();
    }
    return allowed === true;
  }
}
