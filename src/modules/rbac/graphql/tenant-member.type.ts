import { Field, ID, ObjectType } from '@nestjs/graphql';
import { TenantRoleValue } from '../../../infrastructure/access';

@ObjectType({ description: "A user's role on one tenant." })
export class TenantMember {
  @Field(() => ID) id: string;
  @Field(() => ID) tenantId: string;
  @Field({ description: 'Lower-cased user principal name the access was granted to.' }) userUpn: string;
  @Field(() => String, {
    nullable: true,
    description: '`tid:oid` of the user, once they have signed in (the grant is then bound to them).',
  })
  userId: string | null;
  @Field(() => TenantRoleValue) role: TenantRoleValue;
  @Field() grantedBy: string;
  @Field() grantedAt: Date;
}
