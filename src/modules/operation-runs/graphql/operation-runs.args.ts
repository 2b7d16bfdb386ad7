import { Connection, type ConnectionShape, pageSizeDescription } from '../../../infrastructure/graphql/pagination';
import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import type { OperationRunOutcome, OperationRunStatus } from '../../../infrastructure/runs';
import { OperationRunOutcomeValue, OperationRunStatusValue, OperationRunType } from './operation-run.type';

const RUN_TYPE = /^[a-z][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)*$/;

@InputType()
export class OperationRunFilterInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() tenantId?: string | null;
  // Checked for shape, not against this process's run types: older runs and newer processes may know other types.
  @Field(() => String, { nullable: true, description: 'A run type: dotted lower-case, e.g. inventory.sync.' })
  @IsOptional()
  @MaxLength(100)
  @Matches(RUN_TYPE, { message: 'type must be a run type: dotted lower-case words, e.g. inventory.sync' })
  type?: string | null;
  @Field(() => OperationRunStatusValue, { nullable: true }) status?: OperationRunStatus | null;
  @Field(() => OperationRunOutcomeValue, { nullable: true }) outcome?: OperationRunOutcome | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @MaxLength(200) initiatorUserId?: string | null;
  @Field(() => Date, { nullable: true }) createdAfter?: Date | null;
  @Field(() => Date, { nullable: true }) createdBefore?: Date | null;
}

@ArgsType()
export class OperationRunsArgs {
  @Field(() => OperationRunFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => OperationRunFilterInput)
  filter?: OperationRunFilterInput | null;
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
