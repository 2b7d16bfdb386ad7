import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('DirectoryGroupSearchHit', {
  description: 'A group found live in the tenant directory, with the signed-in user’s delegated access.',
})
export class DirectoryGroupHitType {
  @Field(() => ID) id: string;
  @Field() displayName: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => String, { nullable: true }) mail: string | null;
  @Field() securityEnabled: boolean;
  @Field() mailEnabled: boolean;
}
