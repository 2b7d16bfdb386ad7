import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { metricsRegistry } from '../metrics/metrics';

const PENDING = 'tenantatlas_outbox_unpublished_events';
const LAG = 'tenantatlas_outbox_relay_lag_seconds';

/**
 * Relay lag: domain events written but not yet published (the age of the oldest). Normally 0 within a second of each
 * commit; a growing lag means events wait for the worker sweep (a process died before publishing, or Redis is down).
 * Read from PostgreSQL at scrape time through the partial index on unpublished events; re-created per app (tests).
 */
@Injectable()
export class OutboxMetrics implements OnModuleInit, OnModuleDestroy {
  constructor(private readonly db: DataSource) {}

  onModuleInit(): void {
    this.onModuleDestroy();
    let last: Promise<{ n: number; age: number }> | null = null;
    // Both gauges of one scrape share one query.
    const read = () =>
      (last ??= this.db
        .query(
          `SELECT count(*)::int AS n, coalesce(extract(epoch FROM now() - min(created_at)), 0)::float AS age
             FROM outbox_events WHERE published_at IS NULL`,
        )
        .then((rows: Array<{ n: number; age: number }>) => rows[0])
        .catch(() => ({ n: 0, age: 0 }))
        .finally(() => setImmediate(() => (last = null))));
    new Gauge({
      name: PENDING,
      help: 'Domain events in the outbox not yet published (all processes).',
      registers: [metricsRegistry],
      async collect() {
        this.set((await read()).n);
      },
    });
    new Gauge({
      name: LAG,
      help: 'Age of the oldest unpublished outbox event, in seconds (0 when none).',
      registers: [metricsRegistry],
      async collect() {
        this.set((await read()).age);
      },
    });
  }

  onModuleDestroy(): void {
    metricsRegistry.removeSingleMetric(PENDING);
    metricsRegistry.removeSingleMetric(LAG);
  }
}
