import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { schemaEnum } from '../../../infrastructure/graphql/schema-enum';
import { OperationRunOutcome, OperationRunStatus } from '../../../infrastructure/runs';

/** Schema enums are UPPER_CASE; their internal values are the stored lowercase ones, so domain values pass through. */
export const OperationRunStatusValue = schemaEnum(OperationRunStatus, {
  name: 'OperationRunStatus',
  description: 'queued → running → completed; never backwards.',
});
export const OperationRunOutcomeValue = schemaEnum(OperationRunOutcome, {
  name: 'OperationRunOutcome',
  description: 'How a completed run ended.',
});

@ObjectType('OperationRunSummaryCounts')
export class OperationRunSummaryCountsType {
  @Field(() => Int) total: number;
  @Field(() => Int) processed: number;
  @Field(() => Int) succeeded: number;
  @Field(() => Int) failed: number;
  @Field(() => Int) skipped: number;
  /** Resolved by RunSummaryCountsResolver: the run type's own counters beyond the five standard ones. */
  metrics?: Record<string, number>;
}

@ObjectType('OperationRunFailure', {
  description: 'One sanitized failure (no secrets, message ≤ 1 KB); a run keeps at most 50.',
})
export class OperationRunFailureType {
  @Field(() => String, { nullable: true }) item: string | null;
  @Field(() => String, { nullable: true }) code: string | null;
  @Field() message: string;
  @Field() at: string;
}

@ObjectType('OperationRun', {
  description: 'One long-running piece of work (sync, backup, restore, verify…). Read from the database only.',
})
export class OperationRunType {
  @Field(() => ID) id: string;
  @Field({ description: 'Run type, e.g. inventory.sync' }) type: string;
  @Field(() => OperationRunStatusValue) status: string;
  @Field(() => OperationRunOutcomeValue, { nullable: true, description: 'Set only when completed.' }) outcome:
    string | null;
  @Field(() => ID, { nullable: true, description: 'Null for workspace-wide work.' }) tenantId: string | null;
  @Field(() => ID, { nullable: true, description: 'Null for scheduled work.' }) initiatorUserId: string | null;
  @Field(() => OperationRunSummaryCountsType) summaryCounts: OperationRunSummaryCountsType;
  @Field(() => [OperationRunFailureType]) failures: OperationRunFailureType[];
  @Field(() => Int, { description: '1 for the first attempt; a run whose worker died is retried at attempt + 1.' })
  attempt: number;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) startedAt: Date | null;
  @Field(() => Date, { nullable: true }) finishedAt: Date | null;
  @Field(() => Date, { nullable: true }) heartbeatAt: Date | null;
  @Field(() => Date, { nullable: true }) cancelRequestedAt: Date | null;
  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description:
      "The run type's result (e.g. verify findings, per-type sync outcomes, Graph call statistics). Never secrets.",
  })
  result: Record<string, unknown> | null;
  @Field(() => Int, { description: 'Grows with every change: live clients drop messages older than what they have.' })
  version: number;
}
