import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsDate, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

@InputType()
export class AuditEventFilter {
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @Matches(/^[a-z_]+(\.[a-z_]+)*$/, { each: true, message: 'actions must be dotted lower-case names' })
  actions?: string[];
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) actorId?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(100) targetType?: string;
  @Field({ nullable: true }) @IsOptional() @IsDate() since?: Date;
  @Field({ nullable: true }) @IsOptional() @IsDate() until?: Date;
}
