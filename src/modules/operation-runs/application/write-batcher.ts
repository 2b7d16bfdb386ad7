/**
 * Group commit for one kind of hot-path write (insert, claim, complete). While `maxInFlight` statements are
 * running, further requests wait and then go together as one statement, so under load many runs share one round trip
 * and one WAL flush; an idle system still sends each request at once (no timer, no added latency).
 *
 * Each request keeps its own precondition (the SQL checks every row on its own); a statement never carries two
 * requests with the same key, so one row is never the target of two requests in one statement. A request whose key is
 * already in the batch either waits for a later statement (`defer`) or, when the batch-mate wins by definition (two
 * inserts of one dedupe key), settles with `lostRace` once the batch-mate's statement is done. If a batched statement
 * fails, its requests are retried one by one so one bad request cannot fail the others.
 */
export class WriteBatcher<Req, Res> {
  private pending: { key: string; request: Req; resolve: (value: Res) => void; reject: (error: unknown) => void }[] =
    [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly run: (requests: Req[]) => Promise<Res[]>,
    private readonly keyOf: (request: Req) => string,
    private readonly options: { maxBatch: number; maxInFlight: number; duplicates: 'defer' | { lostRace: Res } },
  ) {}

  submit(request: Req): Promise<Res> {
    return new Promise<Res>((resolve, reject) => {
      this.pending.push({ key: this.keyOf(request), request, resolve, reject });
      this.schedule();
    });
  }

  /** Flushes after the current microtasks, so requests made in the same tick share a statement. */
  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.options.maxInFlight || this.pending.length === 0) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    while (this.inFlight < this.options.maxInFlight && this.pending.length > 0) {
      const batch: typeof this.pending = [];
      const losers: typeof this.pending = [];
      const keys = new Set<string>();
      const rest: typeof this.pending = [];
      for (const item of this.pending) {
        if (batch.length >= this.options.maxBatch) rest.push(item);
        else if (!keys.has(item.key)) {
          keys.add(item.key);
          batch.push(item);
        } else if (this.options.duplicates === 'defer') rest.push(item);
        else losers.push(item);
      }
      this.pending = rest;
      this.inFlight++;
      const { duplicates } = this.options;
      void this.execute(batch).finally(() => {
        if (duplicates !== 'defer') for (const loser of losers) loser.resolve(duplicates.lostRace);
        this.inFlight--;
        this.schedule();
      });
    }
  }

  private async execute(batch: typeof this.pending): Promise<void> {
    try {
      const results = await this.run(batch.map((item) => item.request));
      batch.forEach((item, i) => item.resolve(results[i] as Res));
    } catch (error) {
      if (batch.length === 1) return batch[0]?.reject(error);
      for (const item of batch) {
        await this.run([item.request]).then(([result]) => item.resolve(result as Res), item.reject);
      }
    }
  }
}
