import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

@ArgsType()
export class SearchDirectoryGroupsArgs {
  @Field(() => ID) @IsUUID() tenantId: string;
  @Field() @IsString() @MinLength(1) @MaxLength(100) query: string;
}
