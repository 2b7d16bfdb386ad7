import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import {
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { AuditEventFilter } from '../../audit';
import { pageSizeDescription } from '../../../infrastructure/graphql/pagination';
import { IsPlainText } from '../../../infrastructure/graphql/text-validators';
import { TenantRoleValue } from './tenant-role.enum';

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

@ArgsType()
export class SearchDirectoryGroupsArgs extends TenantIdArgs {
  @Field() @IsString() @MinLength(1) @IsPlainText(100) query: string;
}

@ArgsType()
export class AuditEventsArgs extends TenantIdArgs {
  @Field(() => AuditEventFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AuditEventFilter)
  filter?: AuditEventFilter;
  @Field(() => Int, { nullable: true, description: pageSizeDescription() })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  first?: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) after?: string;
}
