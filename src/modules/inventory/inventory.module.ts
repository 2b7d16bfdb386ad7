import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { queueErrorListener } from '../../infrastructure/queue/connection-error-log';
import { OperationRunsModule } from '../operation-runs';
import { RbacModule } from '../rbac';
import { TenantsModule } from '../tenants';
import { DirectoryGroupsSyncHandler } from './application/directory-groups-sync.handler';
import { DirectoryGroupsWriter } from './application/directory-groups-writer';
import { InventoryQueryService } from './application/inventory-query.service';
import { InventoryScheduleProcessor } from './application/inventory-schedule.processor';
import { INVENTORY_SCHEDULE_QUEUE, InventoryScheduleService } from './application/inventory-schedule.service';
import { InventorySyncHandler } from './application/inventory-sync.handler';
import { InventoryWriter } from './application/inventory-writer';
import { DirectoryGroup } from './domain/directory-group.entity';
import { InventoryItem } from './domain/inventory-item.entity';
import { InventorySchedule } from './domain/inventory-schedule.entity';
import { InventoryTypeState } from './domain/inventory-type-state.entity';
import { InventoryResolver } from './graphql/inventory.resolver';

@Module({
  imports: [
    TypeOrmModule.forFeature([InventoryItem, InventoryTypeState, DirectoryGroup, InventorySchedule]),
    BullModule.registerQueue({ name: INVENTORY_SCHEDULE_QUEUE }),
    OperationRunsModule,
    TenantsModule,
    RbacModule,
  ],
  providers: [
    queueErrorListener(INVENTORY_SCHEDULE_QUEUE),
    InventoryWriter,
    DirectoryGroupsWriter,
    InventoryQueryService,
    InventoryScheduleService,
    InventoryScheduleProcessor,
    InventorySyncHandler,
    DirectoryGroupsSyncHandler,
    InventoryResolver,
  ],
})
export class InventoryModule {}
