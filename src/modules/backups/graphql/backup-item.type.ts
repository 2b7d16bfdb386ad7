import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { GRAPH_CONTRACTS, isGraphTypeKey } from '../../../infrastructure/graph';
import { IsPlainText } from '../../../infrastructure/graphql/text-validators';

@ObjectType('BackupItem', {
  description:
    'One object in a backup. An item is stored once and shared by every backup whose objects of its type are ' +
    'identical (content-addressed item sets), so one item id can belong to several backups.',
})
export class BackupItemType {
  @Field(() => ID) id: string;
  @Field(() => ID, {
    description:
      'The backup this item is read in: the listed backup for backupItems, the given backupId for backupItem; ' +
      'else the oldest existing backup holding the item.',
  })
  backupId: string;
  @Field(() => ID) tenantId: string;
  @Field({ description: 'Contract type key, e.g. settingsCatalogPolicy.' }) typeKey: string;
  @Field({ description: 'The object id in Microsoft Graph (or in the imported file).' }) sourceId: string;
  @Field() displayName: string;
  @Field(() => String, { nullable: true }) odataType: string | null;
  @Field({ description: 'SHA-256 of the canonical payload.' }) payloadHash: string;
  @Field({ description: 'SHA-256 of the canonical assignment set.' }) assignmentsHash: string;
  @Field(() => ID) versionId: string;
  @Field(() => Int) versionNumber: number;
  @Field({
    description: 'True when this backup (see backupId) is the first to hold this version (new or changed object).',
  })
  changed: boolean;
  @Field() needsSecretReentry: boolean;
  @Field(() => [String], { description: 'Setting paths whose secret came back as a placeholder.' })
  secretPaths: string[];
}

@ObjectType('BackupItemContent', { description: 'A backup item with its raw content (viewer role).' })
export class BackupItemContentType extends BackupItemType {
  @Field(() => GraphQLJSONObject, { description: 'The raw payload as Graph returned it, sub-resources inline.' })
  payload: Record<string, unknown>;
  @Field(() => [GraphQLJSONObject], { description: 'The raw Graph assignment objects.' })
  assignments: Record<string, unknown>[];
}

@InputType()
export class BackupItemFilterInput {
  @Field(() => [String], { nullable: true, description: 'Contract type keys; an unknown key is refused.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsIn(Object.keys(GRAPH_CONTRACTS), {
    each: true,
    message: ({ value }) =>
      `types has unknown type key(s): ${(value as unknown[]).filter((key) => typeof key !== 'string' || !isGraphTypeKey(key)).join(', ')}`,
  })
  types?: string[] | null;
  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the name (at most 200).' })
  @IsOptional()
  @IsPlainText(200)
  search?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'true: only objects new or changed in this backup.' })
  @IsOptional()
  @IsBoolean()
  changedOnly?: boolean | null;
}

@ObjectType('PolicyVersion', { description: 'A distinct (payload, assignments) state of one object.' })
export class PolicyVersionType {
  @Field(() => ID) id: string;
  @Field(() => ID) tenantId: string;
  @Field() typeKey: string;
  @Field() sourceId: string;
  @Field(() => Int) versionNumber: number;
  @Field() payloadHash: string;
  @Field() assignmentsHash: string;
  @Field(() => ID, { nullable: true, description: 'The backup that first saw this state.' })
  firstBackupId: string | null;
  @Field(() => ID, { nullable: true, description: 'The newest backup item holding this version.' })
  latestItemId: string | null;
  @Field() createdAt: Date;
}
