import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, Repository } from 'typeorm';
import { AuditFacade } from '../../../audit';
import { OperationRunsFacade, type OperationRunView } from '../../../operation-runs';
import { TenantsFacade } from '../../../tenants';
import { BadUserInputError } from '../../../../shared/app-errors';
import { BackupRetentionPolicy } from '../../domain/backup-retention-policy.entity';
import { KEEP_ALL, type RetentionPolicy } from '../../domain/retention';

/** The largest values accepted: beyond them a rule keeps everything anyway and is more likely a typo. */
const MAX_KEEP_LAST = 10_000;
const MAX_KEEP_DAYS = 3_650;

export interface RetentionActor {
  id: string;
  upn?: string | null;
}

/**
 * Per-tenant retention (keep the last N backups and/or D days; no row = keep all). Setting it is audited in the
 * same transaction and starts a `backup.prune` run at once; every completed backup afterwards starts one too
 * (`BackupPruneListener`). Deleting happens only in that run.
 */
@Injectable()
export class BackupRetentionService {
  constructor(
    @InjectRepository(BackupRetentionPolicy) private readonly policies: Repository<BackupRetentionPolicy>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditFacade,
    private readonly runs: OperationRunsFacade,
    private readonly tenants: TenantsFacade,
  ) {}

  async get(tenantId: string): Promise<RetentionPolicy> {
    const row = await this.policies.findOneBy({ tenantId });
    return row ? { keepLast: row.keepLast, keepDays: row.keepDays } : KEEP_ALL;
  }

  async set(
    tenantId: string,
    policy: RetentionPolicy,
    actor: RetentionActor,
    requestId?: string | null,
  ): Promise<{ policy: RetentionPolicy; updatedAt: Date; pruneRun: OperationRunView | null }> {
    validate(policy);
    await this.tenants.requireActive(tenantId);
    const previous = await this.get(tenantId);
    const updatedAt = new Date();
    await this.db.transaction(async (manager) => {
      if (policy.keepLast === null && policy.keepDays === null) {
        await manager.delete(BackupRetentionPolicy, { tenantId });
      } else {
        await manager.upsert(BackupRetentionPolicy, { tenantId, ...policy, updatedBy: actor.id, updatedAt }, [
          'tenantId',
        ]);
      }
      await this.audit.record(
        {
          actor,
          tenantId,
          action: 'backup.retention.set',
          target: { type: 'tenant', id: tenantId },
          metadata: { keepLast: policy.keepLast, keepDays: policy.keepDays, previous },
          requestId: requestId ?? null,
        },
        manager,
      );
    });
    const pruneRun =
      policy.keepLast === null && policy.keepDays === null
        ? null
        : (await this.runs.start('backup.prune', { tenantId, initiatorUserId: actor.id, context: {} })).run;
    return { policy, updatedAt, pruneRun };
  }

  /** Starts a prune of a tenant that has a retention setting (after a backup completed); null when it keeps all. */
  async startPruneIfRetained(tenantId: string, initiatorUserId: string | null): Promise<OperationRunView | null> {
    const policy = await this.get(tenantId);
    if (policy.keepLast === null && policy.keepDays === null) return null;
    if (!(await this.tenants.findActive(tenantId))) return null;
    return (await this.runs.start('backup.prune', { tenantId, initiatorUserId, context: {} })).run;
  }
}

function validate({ keepLast, keepDays }: RetentionPolicy): void {
  if (keepLast !== null && (!Number.isInteger(keepLast) || keepLast < 1 || keepLast > MAX_KEEP_LAST)) {
    throw new BadUserInputError(`keepLast must be a whole number from 1 to ${MAX_KEEP_LAST}, or null`, 'keepLast');
  }
  if (keepDays !== null && (!Number.isInteger(keepDays) || keepDays < 1 || keepDays > MAX_KEEP_DAYS)) {
    throw new BadUserInputError(`keepDays must be a whole number from 1 to ${MAX_KEEP_DAYS}, or null`, 'keepDays');
  }
}
