import type { INestApplication } from '@nestjs/common';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { OperationRunsFacade, type OperationRunView as OperationRun } from '../../../src/modules/operation-runs';
import { spawnApp } from '../../support/spawn-app';
import { waitFor } from '../../support/wait-for';

/** A Redis prefix of this test file's own: its queue, locks and event channel are nobody else's. */
export function ownPrefix(name: string): string {
  return `${process.env.REDIS_PREFIX}-${name}`;
}

export const FAST_RUN_SETTINGS = {
  RUN_HEARTBEAT_INTERVAL_MS: 300,
  RUN_HEARTBEAT_TIMEOUT_MS: 2000,
  RUN_PROGRESS_FLUSH_MS: 200,
  RUN_LOCK_RETRY_MS: 50,
  RECONCILER_INTERVAL_MS: 1000,
  REAPER_INTERVAL_MS: 1000,
  RECONCILER_GRACE_MS: 1000,
};

export function runs(app: INestApplication): OperationRunsFacade {
  return app.get(OperationRunsFacade);
}

// Kept here too: the run tests import their helpers from this kit.
export { waitFor };

export function waitForRun(
  app: INestApplication,
  id: string,
  predicate: (run: OperationRun) => boolean,
  what = 'the run',
): Promise<OperationRun> {
  return waitFor(async () => {
    const run = await runs(app).get(id);
    return run && predicate(run) ? run : null;
  }, what);
}

export const completed = (run: OperationRun) => run.status === 'completed';

export function newTenantId(): string {
  return randomUUID();
}

/** Starts src/main.ts as a separate worker process on this file's prefix and resolves once it is up. */
export async function spawnWorker(prefix: string, extra: Record<string, string | number> = {}): Promise<ChildProcess> {
  const child = spawnApp({
    APP_ROLE: 'worker',
    PORT: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    NODE_ENV: 'test',
    DATABASE_URL: process.env.DATABASE_URL,
    DATABASE_AUTO_CREATE: 'false',
    MIGRATIONS_RUN: 'false',
    REDIS_URL: process.env.REDIS_URL,
    REDIS_PREFIX: prefix,
    ...Object.fromEntries(Object.entries({ ...FAST_RUN_SETTINGS, ...extra }).map(([k, v]) => [k, String(v)])),
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start: ${output}`)), 60000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('is up')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker exited (${code}): ${output}`));
    });
  });
  return child;
}

export function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

export async function stopGracefully(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15000);
  await exited;
  clearTimeout(timer);
}

/**
 * A tenant row that access control recognises (platform admins see existing tenants only). Written directly so
 * these tests need no Graph simulator; the credential is a placeholder that is never decrypted here.
 */
export async function createTenantRow(app: INestApplication): Promise<string> {
  const [row] = await app.get(DataSource).query(
    `INSERT INTO tenants (entra_tenant_id, display_name, client_id, credential_kind, credential_key_id, credential_ciphertext, credential_set_at)
     VALUES ($1, $2, $3, 'secret', 'test', 'not-a-real-ciphertext', now()) RETURNING id`,
    [randomUUID(), `Runs test ${randomUUID().slice(0, 6)}`, randomUUID()],
  );
  return row.id as string;
}
