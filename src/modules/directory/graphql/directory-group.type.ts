import { Field, ID, ObjectType } from '@nestjs/graphql';

/** The fields every group shape shows (one domain shape: ObservedGroup). */
@ObjectType({ isAbstract: true })
abstract class GroupFields {
  @Field() displayName: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => String, { nullable: true }) mail: string | null;
  @Field() securityEnabled: boolean;
  @Field() mailEnabled: boolean;
}

@ObjectType('DirectoryGroup', { description: 'A cached Entra group of a tenant (for restore group mapping).' })
export class DirectoryGroupType extends GroupFields {
  @Field(() => ID) id: string;
  @Field(() => ID) tenantId: string;
  @Field({ description: 'The group id in Entra.' }) externalId: string;
  @Field(() => [String]) groupTypes: string[];
  @Field() hasMembershipRule: boolean;
  @Field() lastSeenAt: Date;
  @Field(() => Date, { nullable: true, description: 'Set when the last complete sync no longer saw it.' })
  deletedAt: Date | null;
}

@ObjectType('DirectoryGroupSearchHit', {
  description: 'A group found live in the tenant directory, with the signed-in user’s delegated access.',
})
export class DirectoryGroupSearchHitType extends GroupFields {
  /** The group id in Entra. */
  @Field(() => ID) id: string;
}
