import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsDate, IsIn, IsOptional } from 'class-validator';
import { GRAPH_CONTRACTS, isGraphTypeKey } from '../../../infrastructure/graph';
import { IsPlainText } from '../../../infrastructure/graphql/text-validators';
import { GraphQLJSONObject } from 'graphql-scalars';

@ObjectType('InventoryItem', {
  description: 'What TenantAtlas last observed of one Intune object: metadata only, never the payload.',
})
export class InventoryItemType {
  @Field(() => ID) id: string;
  @Field(() => ID) tenantId: string;
  @Field({ description: 'Contract type key, e.g. settingsCatalogPolicy.' }) typeKey: string;
  @Field({ description: 'The object id in Microsoft Graph.' }) externalId: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) odataType: string | null;
  @Field(() => String, { nullable: true }) platform: string | null;
  @Field(() => Date, { nullable: true }) lastModifiedAt: Date | null;
  @Field(() => String, { nullable: true }) version: string | null;
  @Field(() => [String]) scopeTagIds: string[];
  @Field(() => GraphQLJSONObject, { description: "Whitelisted metadata fields of the object's contract." })
  meta: Record<string, unknown>;
  @Field() firstSeenAt: Date;
  @Field() lastSeenAt: Date;
  @Field(() => ID) lastSeenRunId: string;
  @Field(() => Date, { nullable: true, description: 'Set when a complete sync of its type no longer saw it.' })
  missingSince: Date | null;
}

@InputType()
export class InventoryItemFilterInput {
  @Field(() => [String], {
    nullable: true,
    description: 'Contract type keys (inventorySummary lists them); an unknown key is refused.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsIn(Object.keys(GRAPH_CONTRACTS), {
    each: true,
    message: ({ value }) =>
      `types has unknown type key(s): ${(value as unknown[]).filter((key) => typeof key !== 'string' || !isGraphTypeKey(key)).join(', ')}`,
  })
  types?: string[] | null;
  @Field(() => String, {
    nullable: true,
    description: 'Case-insensitive substring of the name (at most 200 characters).',
  })
  @IsOptional()
  @IsPlainText(200)
  search?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsPlainText(32) platform?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'true: only missing; false: only present.' })
  @IsOptional()
  @IsBoolean()
  missing?: boolean | null;
  @Field(() => Date, { nullable: true }) @IsOptional() @IsDate() modifiedAfter?: Date | null;
}
