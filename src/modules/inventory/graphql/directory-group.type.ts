import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('DirectoryGroup', { description: 'A cached Entra group of a tenant (for restore group mapping).' })
export class DirectoryGroupType {
  @Field(() => ID) id: string;
  @Field(() => ID) tenantId: string;
  @Field({ description: 'The group id in Entra.' }) externalId: string;
  @Field() displayName: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => String, { nullable: true }) mail: string | null;
  @Field() securityEnabled: boolean;
  @Field() mailEnabled: boolean;
  @Field(() => [String]) groupTypes: string[];
  @Field() hasMembershipRule: boolean;
  @Field() lastSeenAt: Date;
  @Field(() => Date, { nullable: true, description: 'Set when the last complete sync no longer saw it.' })
  deletedAt: Date | null;
}
