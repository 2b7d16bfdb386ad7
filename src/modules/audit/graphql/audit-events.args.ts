import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { pageSizeDescription } from '../../../infrastructure/graphql/pagination';
import { AuditEventFilter } from './audit-event-filter.input';

@ArgsType()
export class AuditEventsArgs {
  @Field(() => ID) @IsUUID() tenantId: string;
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
