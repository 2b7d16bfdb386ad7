import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export enum RestorePlanStatusValue {
  DRAFT = 'draft',
  READY = 'ready',
  CONFIRMED = 'confirmed',
  EXECUTED = 'executed',
  EXPIRED = 'expired',
  FAILED = 'failed',
}
registerEnumType(RestorePlanStatusValue, { name: 'RestorePlanStatus' });

export enum RestoreModeValue {
  CREATE_OR_UPDATE = 'createOrUpdate',
  CREATE_ONLY = 'createOnly',
}
registerEnumType(RestoreModeValue, { name: 'RestoreMode' });

export enum RestoreActionValue {
  CREATE = 'create',
  UPDATE = 'update',
  SKIP = 'skip',
  BLOCKED = 'blocked',
}
registerEnumType(RestoreActionValue, { name: 'RestoreAction' });

export enum RestoreItemStatusValue {
  SUCCEEDED = 'succeeded',
  FAILED = 'failed',
  SKIPPED = 'skipped',
  CONFLICT = 'conflict',
  BLOCKED = 'blocked',
}
registerEnumType(RestoreItemStatusValue, { name: 'RestoreItemStatus' });

export enum RestoreMappingKindValue {
  GROUP = 'group',
  FILTER = 'filter',
  SCOPE_TAG = 'scopeTag',
  ROLE_DEFINITION = 'roleDefinition',
}
registerEnumType(RestoreMappingKindValue, { name: 'RestoreMappingKind' });

export enum RestoreMappingSourceValue {
  SAME_ID = 'sameId',
  LEDGER = 'ledger',
  NAME = 'name',
  PLANNED = 'planned',
  BUILT_IN = 'builtIn',
  OVERRIDE = 'override',
  NONE = 'none',
}
registerEnumType(RestoreMappingSourceValue, { name: 'RestoreMappingSource' });

@InputType()
export class StartRestorePreviewInput {
  @Field(() => ID) @IsUUID() backupId: string;
  @Field(() => [ID], { nullable: true, description: 'Restore only these backup items (default: all).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @IsUUID('all', { each: true })
  itemIds?: string[];
  @Field(() => [String], { nullable: true, description: 'Restore only these contract type keys.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  types?: string[];
  @Field(() => ID) @IsUUID() targetTenantId: string;
  @Field(() => RestoreModeValue, { defaultValue: RestoreModeValue.CREATE_OR_UPDATE })
  @IsEnum(RestoreModeValue)
  mode: RestoreModeValue = RestoreModeValue.CREATE_OR_UPDATE;
  @Field({ defaultValue: true }) @IsBoolean() includeAssignments: boolean = true;
}

@ObjectType('RestoreDiffRow', {
  description: 'One setting that differs: the backup (left) against the live target (right).',
})
export class RestoreDiffRowType {
  @Field() path: string;
  @Field({ description: 'JSON of the backed-up value.' }) left: string;
  @Field({ description: 'JSON of the live value.' }) right: string;
}

@ObjectType('RestoreMapping', { description: 'How a plan translates one tenant-bound id into the target.' })
export class RestoreMappingType {
  @Field(() => RestoreMappingKindValue) kind: RestoreMappingKindValue;
  @Field() sourceId: string;
  @Field(() => String, { nullable: true }) sourceName: string | null;
  @Field(() => String, { nullable: true }) targetId: string | null;
  @Field(() => RestoreMappingSourceValue) foundBy: RestoreMappingSourceValue;
  @Field(() => String, { nullable: true }) note: string | null;
}

@ObjectType('RestorePlanItem')
export class RestorePlanItemType {
  @Field(() => ID) id: string;
  @Field(() => Int, { description: 'Execution order (dependency order).' }) seq: number;
  @Field(() => ID) backupItemId: string;
  @Field() typeKey: string;
  @Field() sourceId: string;
  @Field() displayName: string;
  @Field(() => String, { nullable: true }) odataType: string | null;
  @Field(() => RestoreActionValue) action: RestoreActionValue;
  @Field(() => [String], { description: 'Every reason it is blocked or skipped.' }) reasons: string[];
  @Field(() => String, { nullable: true }) targetId: string | null;
  @Field(() => String, { nullable: true, description: 'originalId, ledger or name.' }) matchedBy: string | null;
  @Field(() => [RestoreDiffRowType], { description: 'For updates: what would change.' }) diff: RestoreDiffRowType[];
}

@ObjectType('RestorePlanCounts')
export class RestorePlanCountsType {
  @Field(() => Int) create: number;
  @Field(() => Int) update: number;
  @Field(() => Int) skip: number;
  @Field(() => Int) blocked: number;
}

@ObjectType('RestorePlan', {
  description: 'A reviewable restore plan (visible to users who can see source and target).',
})
export class RestorePlanType {
  @Field(() => ID) id: string;
  @Field(() => ID) sourceTenantId: string;
  @Field(() => ID) targetTenantId: string;
  @Field(() => ID) backupId: string;
  @Field(() => RestoreModeValue) mode: RestoreModeValue;
  @Field() includeAssignments: boolean;
  @Field(() => RestorePlanStatusValue) status: RestorePlanStatusValue;
  @Field(() => String, {
    nullable: true,
    description: 'Pass it to confirmRestorePlan: what you reviewed is what runs.',
  })
  planHash: string | null;
  @Field(() => Date, { nullable: true }) expiresAt: Date | null;
  @Field(() => RestorePlanCountsType) counts: RestorePlanCountsType;
  @Field(() => ID) previewRunId: string;
  @Field(() => ID, { nullable: true }) executeRunId: string | null;
  @Field(() => Date, { nullable: true }) confirmedAt: Date | null;
  @Field(() => Date, { nullable: true }) executedAt: Date | null;
  @Field() createdAt: Date;
  @Field(() => [RestorePlanItemType]) items: RestorePlanItemType[];
  @Field(() => [RestoreMappingType]) mappings: RestoreMappingType[];
}

@ObjectType('RestoreResult', { description: 'What execution did with one plan item.' })
export class RestoreResultType {
  @Field(() => ID) id: string;
  @Field(() => ID) runId: string;
  @Field(() => ID) planId: string;
  @Field(() => ID) planItemId: string;
  @Field(() => Int) seq: number;
  @Field() typeKey: string;
  @Field() displayName: string;
  @Field(() => RestoreItemStatusValue) status: RestoreItemStatusValue;
  @Field(() => String, { nullable: true }) targetId: string | null;
  @Field({ description: 'This execution created the object.' }) created: boolean;
  @Field(() => String, { nullable: true, description: 'Sanitized Graph error or reason.' }) message: string | null;
  @Field() at: Date;
}

@ObjectType('RestoreLedgerEntry', { description: 'A source object restored as a target object (re-runs update it).' })
export class RestoreLedgerEntryType {
  @Field(() => ID) id: string;
  @Field(() => ID) sourceTenantId: string;
  @Field() typeKey: string;
  @Field() sourceId: string;
  @Field(() => ID) targetTenantId: string;
  @Field() targetId: string;
  @Field(() => ID) planId: string;
  @Field() at: Date;
}
