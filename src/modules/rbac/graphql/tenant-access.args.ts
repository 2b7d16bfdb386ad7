import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsUUID, Matches, MaxLength } from 'class-validator';
import { TenantRoleValue } from '../../../infrastructure/access';

// No spaces, quotes, controls or invisible formatting characters in the local part (they make look-alike UPNs).
const UPN = /^[^\s@"\p{Cc}\p{Cf}]{1,64}@[A-Za-z0-9.-]{1,255}\.[A-Za-z]{2,}$/u;

@ArgsType()
export class TenantIdArgs {
  @Field(() => ID) @IsUUID() tenantId: string;
}

@ArgsType()
export class GrantTenantAccessArgs extends TenantIdArgs {
  @Field()
  @MaxLength(320)
  @Matches(UPN, { message: 'userUpn must be a user principal name (name@domain)' })
  userUpn: string;
  @Field(() => TenantRoleValue) @IsEnum(TenantRoleValue) role: TenantRoleValue;
}

@ArgsType()
export class RevokeTenantAccessArgs extends TenantIdArgs {
  @Field()
  @MaxLength(320)
  @Matches(UPN, { message: 'userUpn must be a user principal name (name@domain)' })
  userUpn: string;
}
