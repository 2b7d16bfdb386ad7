import { Connection, type ConnectionShape, pageSizeDescription } from '../../../infrastructure/graphql/pagination';
import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsOptional, Max, Min } from 'class-validator';
import type { OperationRunOutcome, OperationRunStatus } from '../domain/operation-run-state';
import { OperationRunOutcomeValue, OperationRunStatusValue, OperationRunType } from './operation-run.type';

@InputType()
export class OperationRunFilterInput {
  @Field(() => ID, { nullable: true }) tenantId?: string | null;
  @Field(() => String, { nullable: true }) type?: string | null;
  @Field(() => OperationRunStatusValue, { nullable: true }) status?: OperationRunStatus | null;
  @Field(() => OperationRunOutcomeValue, { nullable: true }) outcome?: OperationRunOutcome | null;
  @Field(() => ID, { nullable: true }) initiatorUserId?: string | null;
  @Field(() => Date, { nullable: true }) createdAfter?: Date | null;
  @Field(() => Date, { nullable: true }) createdBefore?: Date | null;
}

@ArgsType()
export class OperationRunsArgs {
  @Field(() => OperationRunFilterInput, { nullable: true }) filter?: OperationRunFilterInput | null;
  @Field(() => Int, { defaultValue: 20, description: pageSizeDescription(20) })
  @IsOptional()
  @Min(1)
  @Max(100)
  first: number;
  @Field(() => String, { nullable: true, description: 'endCursor of the previous page' }) after?: string | null;
}

@ArgsType()
export class OperationRunUpdatedArgs {
  @Field(() => ID, { nullable: true, description: 'One run…' }) id?: string | null;
  @Field(() => ID, { nullable: true, description: '…or every run of one tenant.' }) tenantId?: string | null;
}

/** Relay connection over the shared PageInfo (`OperationRunConnection`, `OperationRunEdge`). */
export const OperationRunConnection = Connection(OperationRunType, 'OperationRun');
export type OperationRunConnection = ConnectionShape<OperationRunType>;
