import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'The signed-in user, as proven by their access token.' })
export class Caller {
  @Field(() => ID, { description: 'Stable user key: `tid:oid`.' }) id: string;
  @Field({ description: 'Entra object id of the user.' }) oid: string;
  @Field({ description: 'Entra tenant id the user signed in from.' }) tid: string;
  @Field(() => String, { nullable: true, description: 'User principal name (preferred_username).' }) upn: string | null;
  @Field(() => String, { nullable: true }) name: string | null;
  @Field({ description: 'Platform admin (ADMIN_UPNS): may register tenants and sees every tenant.' })
  isPlatformAdmin: boolean;
}
