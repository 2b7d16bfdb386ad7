import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';

const NAME = /^\P{Cc}+$/u; // no control characters

@InputType({
  description:
    'A certificate credential: the PEM private key (optionally followed by the certificate) and its SHA-256 thumbprint.',
})
export class CertificateCredentialInput {
  @Field() @IsString() @MinLength(100) @MaxLength(20000) pem: string;
  @Field({ description: 'SHA-256 thumbprint, hex (colons and spaces allowed).' })
  @IsString()
  @MaxLength(128)
  thumbprint: string;
}

@InputType()
export class RegisterTenantInput {
  @Field({ description: 'Entra tenant id (GUID).' })
  @IsUUID('all', { message: 'entraTenantId must be a GUID' })
  entraTenantId: string;
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  @Matches(NAME, { message: 'displayName must not contain control characters' })
  displayName: string;
  @Field({ description: 'Application (client) id of the app registration (GUID).' })
  @IsUUID('all', { message: 'clientId must be a GUID' })
  clientId: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MinLength(1) @MaxLength(1024) clientSecret?: string;
  @Field({ nullable: true, description: 'When the secret expires (shown as credential.expiresAt).' })
  @IsOptional()
  @IsDate()
  clientSecretExpiresAt?: Date;
  @Field(() => CertificateCredentialInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CertificateCredentialInput)
  certificate?: CertificateCredentialInput;
}

@InputType()
export class UpdateTenantCredentialsInput {
  @Field(() => ID) @IsUUID() tenantId: string;
  @Field({ nullable: true, description: 'A new client id, when the app registration changed too.' })
  @IsOptional()
  @IsUUID('all', { message: 'clientId must be a GUID' })
  clientId?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MinLength(1) @MaxLength(1024) clientSecret?: string;
  @Field({ nullable: true }) @IsOptional() @IsDate() clientSecretExpiresAt?: Date;
  @Field(() => CertificateCredentialInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CertificateCredentialInput)
  certificate?: CertificateCredentialInput;
}

@ArgsType()
export class TenantByIdArgs {
  @Field(() => ID) @IsUUID() id: string;
}

@ArgsType()
export class RenameTenantArgs extends TenantByIdArgs {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  @Matches(NAME, { message: 'displayName must not contain control characters' })
  displayName: string;
}

@ArgsType()
export class VerifyTenantArgs {
  @Field(() => ID) @IsUUID() tenantId: string;
}
