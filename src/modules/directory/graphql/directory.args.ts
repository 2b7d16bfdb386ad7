import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsString, IsUUID, MinLength } from 'class-validator';
import { IsPlainText } from '../../../infrastructure/graphql/text-validators';

@ArgsType()
export class SearchDirectoryGroupsArgs {
  @Field(() => ID) @IsUUID() tenantId: string;
  @Field() @IsString() @MinLength(1) @IsPlainText(100) query: string;
}
