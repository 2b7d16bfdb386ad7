import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { queueErrorListener } from '../../infrastructure/queue/connection-error-log';
import { OperationRunsModule } from '../operation-runs';
import { TenantsModule } from '../tenants';
import { InventoryQueryService } from './application/inventory-query.service';
import { INVENTORY_SCHEDULE_QUEUE, InventoryScheduleService } from './application/inventory-schedule.service';
import { InventorySyncHandler } from './application/inventory-sync.handler';
import { InventoryWriter } from './application/inventory-writer';
import { InventoryFacade } from './application/inventory.facade';
import { InventoryItem } from './domain/inventory-item.entity';
import { InventorySchedule } from './domain/inventory-schedule.entity';
import { InventoryTypeState } from './domain/inventory-type-state.entity';
import { InventoryResolver } from './graphql/inventory.resolver';

/** Last observed metadata of every tenant's Intune objects: the `inventory.sync` run, schedules, DB-only reads. */
@Module({
  imports: [
    TypeOrmModule.forFeature([InventoryItem, InventoryTypeState, InventorySchedule]),
    BullModule.registerQueue({ name: INVENTORY_SCHEDULE_QUEUE }),
    OperationRunsModule,
    TenantsModule,
  ],
  providers: [
    queueErrorListener(INVENTORY_SCHEDULE_QUEUE),
    InventoryWriter,
    InventoryQueryService,
    InventoryScheduleService,
    InventorySyncHandler,
    InventoryFacade,
    InventoryResolver,
  ],
  exports: [InventoryFacade, InventoryScheduleService],
})
export class InventoryModule {}
