import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { AppConfig } from '../../../infrastructure/config/app-config';
import { UnknownRunTypeError } from '../domain/operation-runs.errors';
import {
  RUN_HANDLER_METADATA,
  type RunAttemptContext,
  type RunHandlerResult,
  type RunTypeOptions,
} from '../../../infrastructure/runs';

/** A handler as the spine calls it: by then the type key is data, so its context and result are any type's. */
interface AnyRunHandler {
  execute(run: RunAttemptContext): Promise<RunHandlerResult | void>;
}

/** A registered run type and the limits that govern it (README › Run types documents each). */
export interface RunTypeInfo {
  type: string;
  title: string;
  requiresTenant: boolean;
  lock: 'tenant' | 'tenant+type' | 'global' | null;
  timeoutMs: number;
  heartbeatTimeoutMs: number;
  maxAttempts: number;
}

export interface RegisteredRunType {
  options: RunTypeOptions;
  handler: AnyRunHandler;
}

/** The run types of this process, discovered from every `@RunHandler` provider in the app at start-up. */
@Injectable()
export class RunTypeRegistry implements OnModuleInit {
  private readonly types = new Map<string, RegisteredRunType>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      if (!wrapper.metatype || !wrapper.instance || typeof wrapper.metatype !== 'function') continue;
      const options = this.reflector.get<RunTypeOptions | undefined>(RUN_HANDLER_METADATA, wrapper.metatype);
      if (!options) continue;
      if (this.types.has(options.type)) throw new Error(`Run type "${options.type}" has two handlers`);
      this.types.set(options.type, { options, handler: wrapper.instance as AnyRunHandler });
    }
  }

  get(type: string): RegisteredRunType {
    const found = this.types.get(type);
    if (!found) throw new UnknownRunTypeError(type);
    return found;
  }

  find(type: string): RegisteredRunType | undefined {
    return this.types.get(type);
  }

  title(type: string): string {
    return this.types.get(type)?.options.title ?? type;
  }

  typeNames(): string[] {
    return [...this.types.keys()];
  }

  /** Every type with its effective limits (RUN_HEARTBEAT_TIMEOUT_MS applied), sorted by key. */
  describe(): RunTypeInfo[] {
    const base = this.config.env.RUN_HEARTBEAT_TIMEOUT_MS;
    return [...this.types.values()]
      .map(({ options }) => ({
        type: options.type,
        title: options.title,
        requiresTenant: options.requiresTenant,
        lock: options.lock ?? null,
        timeoutMs: options.timeoutMs,
        heartbeatTimeoutMs: heartbeatTimeoutFor(options, base),
        maxAttempts: options.maxAttempts ?? 1,
      }))
      .sort((a, b) => a.type.localeCompare(b.type));
  }
}

/** The key that makes two starts "the same work" (null: never deduplicated). */
export function dedupeKeyFor(
  options: RunTypeOptions,
  tenantId: string | null,
  context: Record<string, unknown>,
): string | null {
  const { dedupe, type } = options;
  if (dedupe === 'none') return null;
  if (dedupe === 'global') return type;
  if (dedupe === 'tenant') return `${type}:${tenantId ?? '-'}`;
  const suffix = dedupe({ tenantId, context });
  return suffix === null ? null : `${type}:${suffix}`;
}

/** The Redis lock that serializes runs of a locked type (null: no lock). */
export function lockKeyFor(options: RunTypeOptions, tenantId: string | null): string | null {
  switch (options.lock) {
    case 'tenant':
      return `tenant:${tenantId ?? '-'}`;
    case 'tenant+type':
      return `tenant:${tenantId ?? '-'}:type:${options.type}`;
    case 'global':
      return 'global';
    default:
      return null;
  }
}

/** The one heartbeat-timeout rule: the configured timeout, scaled by the type's factor. */
export function heartbeatTimeoutFor(
  options: Pick<RunTypeOptions, 'heartbeatTimeoutFactor'> | undefined,
  baseMs: number,
): number {
  return Math.round(baseMs * (options?.heartbeatTimeoutFactor ?? 1));
}
