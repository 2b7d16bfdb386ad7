import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-scalars';

export enum DiffKindEnum {
  ADDED = 'added',
  REMOVED = 'removed',
  CHANGED = 'changed',
}
registerEnumType(DiffKindEnum, { name: 'DiffKind', description: 'What happened to a setting or an object.' });

@ObjectType('PolicyDiffRow', {
  description: 'One real change between two versions of a policy (spec 006 § Diff rules).',
})
export class PolicyDiffRowType {
  @Field({
    description:
      'Where: object keys joined with ".", collection items by natural key in [...], e.g. settings[<definition id>].children[<definition id>] or assignments[group:<id>].',
  })
  path: string;
  @Field({
    description:
      "For humans: the setting definition's display name (else its id), the assignment target with the group name, or the property path.",
  })
  label: string;
  @Field(() => DiffKindEnum) kind: DiffKindEnum;
  @Field(() => GraphQLJSON, {
    nullable: true,
    description: 'The left value (absent when added); secrets show as "[secret]".',
  })
  left: unknown;
  @Field(() => GraphQLJSON, { nullable: true, description: 'The right value (absent when removed).' })
  right: unknown;
}

@ObjectType('BackupItemDiffSide', { description: 'One side of an item diff.' })
export class BackupItemDiffSideType {
  @Field(() => ID) itemId: string;
  @Field(() => ID) backupId: string;
  @Field(() => ID) tenantId: string;
  @Field() typeKey: string;
  @Field() sourceId: string;
  @Field() displayName: string;
  @Field() payloadHash: string;
  @Field() assignmentsHash: string;
}

@ObjectType('BackupItemDiff', { description: 'The semantic diff of two backup items of one type.' })
export class BackupItemDiffType {
  @Field(() => BackupItemDiffSideType) left: BackupItemDiffSideType;
  @Field(() => BackupItemDiffSideType) right: BackupItemDiffSideType;
  @Field() payloadChanged: boolean;
  @Field() assignmentsChanged: boolean;
  @Field(() => [PolicyDiffRowType]) rows: PolicyDiffRowType[];
}

@ObjectType('BackupObjectDiff', { description: 'One object that differs between two backups.' })
export class BackupObjectDiffType {
  @Field(() => DiffKindEnum) kind: DiffKindEnum;
  @Field() typeKey: string;
  @Field() name: string;
  @Field(() => ID, { nullable: true }) leftItemId: string | null;
  @Field(() => ID, { nullable: true }) rightItemId: string | null;
  @Field() payloadChanged: boolean;
  @Field() assignmentsChanged: boolean;
  @Field(() => [PolicyDiffRowType], { description: 'Setting-level rows (changed objects only).' })
  rows: PolicyDiffRowType[];
}

@ObjectType('BackupDiff', { description: 'Two backups compared: counts for every object, rows for the changed ones.' })
export class BackupDiffType {
  @Field(() => ID) leftBackupId: string;
  @Field(() => ID) rightBackupId: string;
  @Field(() => Int) added: number;
  @Field(() => Int) removed: number;
  @Field(() => Int) changed: number;
  @Field(() => Int, { description: 'Objects whose payload and assignment hashes are equal (never read).' })
  unchanged: number;
  @Field(() => [BackupObjectDiffType], { description: 'Changed, then removed, then added objects; at most 500.' })
  objects: BackupObjectDiffType[];
  @Field({ description: 'True when more than 500 objects differ (the counts still cover all).' }) truncated: boolean;
}
