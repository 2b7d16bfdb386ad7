import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('BackupTypeCount', { description: 'Items of one contract type in a backup.' })
export class BackupTypeCountType {
  @Field() typeKey: string;
  @Field() label: string;
  @Field(() => Int) count: number;
}

@ObjectType('Backup', {
  description: 'An immutable point-in-time snapshot of a tenant (full payloads and assignments).',
})
export class BackupType {
  @Field(() => ID) id: string;
  @Field(() => ID) tenantId: string;
  @Field({ description: 'graph (a backup.create run) or import.' }) source: string;
  @Field({ description: 'running, completed or failed.' }) status: string;
  @Field(() => ID, { nullable: true }) runId: string | null;
  @Field(() => String, { nullable: true }) label: string | null;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) completedAt: Date | null;
  @Field(() => Int) itemCount: number;
  @Field(() => [BackupTypeCountType]) countsByType: BackupTypeCountType[];
  @Field(() => Int, { description: 'Items holding a secret Graph returned only as a placeholder.' })
  needsSecretReentryCount: number;
  @Field(() => Int, { description: 'Payload and assignment-set rows this backup stored for the first time.' })
  newPayloadCount: number;
  @Field(() => Int, { description: 'Objects whose payload or assignments changed since their previous version.' })
  newVersionCount: number;
}

@ObjectType('BackupSchedule')
export class BackupScheduleType {
  @Field(() => ID) tenantId: string;
  @Field({ description: 'Five-field cron expression, UTC.' }) cron: string;
  @Field() updatedAt: Date;
}
