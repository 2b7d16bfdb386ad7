import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventBus } from '../../../../infrastructure/events';
import { BackupRetentionService } from './backup-retention.service';

/**
 * Every completed backup (a `backup.create` run or an import) starts a prune of its tenant when the tenant has a
 * retention setting. The event is delivered at least once; a second start while a prune is active returns that
 * run (dedupe per tenant), and a prune with nothing to delete is a no-op.
 */
@Injectable()
export class BackupPruneListener implements OnModuleInit {
  constructor(
    private readonly bus: EventBus,
    private readonly retention: BackupRetentionService,
  ) {}

  onModuleInit(): void {
    this.bus.on('backup.completed', async ({ tenantId }) => {
      await this.retention.startPruneIfRetained(tenantId, null);
    });
  }
}
