import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class InventoryTypeSummary {
  @Field() typeKey: string;
  @Field() label: string;
  @Field(() => Int) present: number;
  @Field(() => Int) missing: number;
  @Field(() => String, {
    nullable: true,
    description: 'synced | skipped | failed (latest pass); null when never synced.',
  })
  lastStatus: string | null;
  @Field(() => String, { nullable: true }) lastReason: string | null;
  @Field(() => Date, { nullable: true }) lastCompleteSyncAt: Date | null;
  @Field(() => ID, { nullable: true }) lastRunId: string | null;
}

@ObjectType()
export class InventorySummary {
  @Field(() => ID) tenantId: string;
  @Field(() => Int) totalPresent: number;
  @Field(() => Int) totalMissing: number;
  @Field(() => [InventoryTypeSummary]) types: InventoryTypeSummary[];
  @Field(() => ID, { nullable: true, description: 'The latest inventory.sync run that recorded a result.' }) lastRunId:
    string | null;
  @Field(() => Date, { nullable: true }) lastSyncAt: Date | null;
}

@ObjectType('InventorySchedule')
export class InventoryScheduleType {
  @Field(() => ID) tenantId: string;
  @Field({ description: 'Five-field cron expression, UTC.' }) cron: string;
  @Field() updatedAt: Date;
}
