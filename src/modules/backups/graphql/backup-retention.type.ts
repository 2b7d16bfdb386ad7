import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { OperationRunType, type OperationRunView } from '../../operation-runs';

@ObjectType('BackupRetention', {
  description: 'Which backups a tenant keeps: the last keepLast and/or those younger than keepDays (null = no rule).',
})
export class BackupRetentionType {
  @Field(() => ID) tenantId: string;
  @Field(() => Int, { nullable: true }) keepLast: number | null;
  @Field(() => Int, { nullable: true }) keepDays: number | null;
  @Field({ description: 'True when neither rule is set: every backup is kept (the default).' }) keepAll: boolean;
  @Field(() => OperationRunType, {
    nullable: true,
    description: 'The backup.prune run this change started (setBackupRetention only).',
  })
  pruneRun?: OperationRunView | null;
}
