import { Module } from '@nestjs/common';
import { InventoryScheduleProcessor } from './application/inventory-schedule.processor';
import { InventoryModule } from './inventory.module';

/** What only worker processes run (the composition root decides): the processor that fires schedule ticks. */
@Module({
  imports: [InventoryModule],
  providers: [InventoryScheduleProcessor],
})
export class InventoryWorkersModule {}
