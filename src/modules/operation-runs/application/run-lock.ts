import { Inject, Injectable } from '@nestjs/common';
import { DelayedError, type Job } from 'bullmq';
import type Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '../../../infrastructure/config/app-config';
import { REDIS_CLIENT } from '../../../infrastructure/redis/redis.tokens';
import type { RunTypeOptions } from '../../../infrastructure/runs';
import { heartbeatTimeoutFor, lockKeyFor } from './run-type.registry';

// Owner-checked extend/release: a worker whose lock expired (and was taken by another) cannot touch the new owner's.
const EXTEND = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

export interface HeldLock {
  key: string;
  token: string;
}

/**
 * Redis locks that serialize runs of locked types across every worker process. The TTL is the type's heartbeat
 * timeout (extended by each heartbeat), so a dead worker's lock frees itself when its run becomes reapable.
 */
@Injectable()
export class RunLock {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  ttlFor(options: RunTypeOptions): number {
    return heartbeatTimeoutFor(options, this.config.env.RUN_HEARTBEAT_TIMEOUT_MS);
  }

  /** The type's lock, or no lock needed (null); a held lock delays the job (no BullMQ attempt is used) instead of failing it. */
  async acquireOrDelay(
    options: RunTypeOptions,
    tenantId: string | null,
    job: Job,
    token?: string,
  ): Promise<HeldLock | null> {
    const scope = lockKeyFor(options, tenantId);
    if (!scope) return null;
    const held = await this.acquire(scope, this.ttlFor(options));
    if (held) return held;
    await job.moveToDelayed(Date.now() + this.config.env.RUN_LOCK_RETRY_MS, token);
    throw new DelayedError();
  }

  async acquire(scope: string, ttlMs: number): Promise<HeldLock | null> {
    const key = `${this.config.env.REDIS_PREFIX}:run-lock:${scope}`;
    const token = randomUUID();
    const ok = await this.redis.set(key, token, 'PX', ttlMs, 'NX');
    return ok === 'OK' ? { key, token } : null;
  }

  async extend(lock: HeldLock, ttlMs: number): Promise<boolean> {
    return (await this.redis.eval(EXTEND, 1, lock.key, lock.token, ttlMs)) === 1;
  }

  async release(lock: HeldLock): Promise<void> {
    await this.redis.eval(RELEASE, 1, lock.key, lock.token);
  }
}
